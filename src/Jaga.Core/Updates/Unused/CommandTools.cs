namespace Jaga.Core.Updates.Unused;

/// <summary>Packages that are used without being imported: tools run as a command, plugins a tool loads by name, type
/// declarations. The scanners never call these unused: a text scan cannot see a tool's configuration, and advice that is
/// wrong is noise.</summary>
public static class CommandTools
{
    /// <summary>npm packages whose command has another name than the package.</summary>
    private static readonly Dictionary<string, string[]> NpmBins = new(StringComparer.Ordinal)
    {
        ["typescript"] = ["tsc", "tsserver"],
        ["@angular/cli"] = ["ng"],
        ["@vue/cli-service"] = ["vue-cli-service"],
        ["npm-run-all"] = ["run-s", "run-p", "npm-run-all"],
        ["npm-run-all2"] = ["run-s", "run-p", "npm-run-all"],
        ["@biomejs/biome"] = ["biome"],
        ["@playwright/test"] = ["playwright"],
    };

    /// <summary>Prefixes of npm plugins loaded by a tool from its configuration.</summary>
    private static readonly string[] NpmPluginPrefixes =
        ["eslint-plugin-", "eslint-config-", "@typescript-eslint/", "prettier-plugin-", "babel-plugin-", "babel-preset-", "@babel/preset-", "@babel/plugin-", "postcss-", "stylelint-config-", "@commitlint/config-", "@tsconfig/"];

    /// <summary>Python distributions run as a command or loaded as a plugin rather than imported.</summary>
    private static readonly HashSet<string> PythonTools = new(StringComparer.Ordinal)
    {
        "pytest", "black", "ruff", "flake8", "mypy", "pylint", "isort", "tox", "nox", "coverage", "pre-commit", "twine", "build",
        "wheel", "pip", "pip-tools", "gunicorn", "uvicorn", "sphinx", "bandit", "pip-audit", "autopep8", "yapf", "invoke",
    };

    private static readonly string[] PythonPluginPrefixes = ["pytest-", "flake8-", "types-", "sphinx-", "mypy-"];

    /// <summary>The command words an npm package may be run as: its name, its name without the scope, and the known
    /// other names.</summary>
    public static IReadOnlyList<string> NpmCommands(string package)
    {
        var words = new List<string> { package };
        if (package.StartsWith('@') && package.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash) words.Add(package[(slash + 1)..]);
        if (NpmBins.TryGetValue(package, out var bins)) words.AddRange(bins);
        return words;
    }

    public static bool IsNpmPlugin(string package) => NpmPluginPrefixes.Any(p => package.StartsWith(p, StringComparison.Ordinal));

    /// <summary>A Python tool or plugin (compared normalized).</summary>
    public static bool IsPythonTool(string distribution)
    {
        var normalized = PackageNames.Normalize(Ecosystem.PyPI, distribution);
        return PythonTools.Contains(normalized) || PythonPluginPrefixes.Any(p => normalized.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>The words of package.json scripts, split where a shell splits commands and arguments.</summary>
    public static IReadOnlySet<string> ScriptWords(IEnumerable<string> scripts) =>
        new HashSet<string>(scripts.SelectMany(s => s.Split([' ', '\t', '\n', '&', '|', ';', '(', ')', '"', '\'', '=', '`', '<', '>'], StringSplitOptions.RemoveEmptyEntries)), StringComparer.Ordinal);
}
