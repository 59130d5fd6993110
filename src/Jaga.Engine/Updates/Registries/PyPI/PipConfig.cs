using Jaga.Core.Errors;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries.PyPI;

/// <summary>The indexes pip install would ask, from pip's own configuration, lowest first: the global files
/// (<c>$XDG_CONFIG_DIRS/pip/pip.conf</c> or <c>/etc/xdg/pip/pip.conf</c>, then <c>/etc/pip.conf</c>), the user's
/// (<c>~/.pip/pip.conf</c>, then <c>$XDG_CONFIG_HOME/pip/pip.conf</c> or <c>~/.config/pip/pip.conf</c>; skipped when
/// <c>PIP_CONFIG_FILE</c> names a file that exists), the virtualenv's (<c>$VIRTUAL_ENV/pip.conf</c>), the file
/// <c>PIP_CONFIG_FILE</c> names (<c>/dev/null</c>: no file at all), then the variables <c>PIP_INDEX_URL</c> and
/// <c>PIP_EXTRA_INDEX_URL</c>. In the files, <c>[install]</c> overrides <c>[global]</c>, as for <c>pip install</c>.</summary>
internal static class PipConfig
{
    /// <summary>pip's own default index.</summary>
    public const string DefaultIndex = "https://pypi.org/simple/";

    private static readonly string[] Sections = ["global", "install"];

    /// <summary>The index first, then the extra indexes.</summary>
    public static IReadOnlyList<PipIndex> Load(RegistryContext context)
    {
        var words = context.Words;
        var found = new Dictionary<string, (string Value, string Origin)>(StringComparer.Ordinal);
        var perSection = Sections.ToDictionary(s => s, _ => new Dictionary<string, (string Value, string Origin)>(StringComparer.Ordinal));
        foreach (var file in Files(context))
        {
            if (Read(file, context) is not { } text) continue;
            foreach (var (name, keys) in PipConfigFile.Parse(text, file, words))
            {
                if (!perSection.TryGetValue(name, out var section)) continue;
                foreach (var (key, value) in keys) section[key] = (value, $"{file}: [{name}] {key}");
            }
        }
        // pip takes every file's [global] first, then every file's [install], then the environment.
        foreach (var section in Sections)
            foreach (var (key, value) in perSection[section]) found[key] = value;
        foreach (var (key, variable) in new[] { ("index-url", "PIP_INDEX_URL"), ("extra-index-url", "PIP_EXTRA_INDEX_URL") })
            if (context.Environment(variable) is { Length: > 0 } value) found[key] = (value, variable);

        var baseFolder = context.BaseFolder ?? Directory.GetCurrentDirectory();
        var index = found.TryGetValue("index-url", out var i) ? PipIndex.Parse(i.Value.Trim(), i.Origin, words, baseFolder) : PipIndex.Parse(DefaultIndex, "pip", words, baseFolder);
        var extras = found.TryGetValue("extra-index-url", out var e)
            ? e.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(u => PipIndex.Parse(u, e.Origin, words, baseFolder))
            : [];
        return [index, .. extras.Where(x => x.Url != index.Url)];
    }

    private static IEnumerable<string> Files(RegistryContext context)
    {
        var env = context.Environment;
        var configFile = env("PIP_CONFIG_FILE");
        if (configFile == "/dev/null") yield break;
        var xdgDirs = env("XDG_CONFIG_DIRS") is { Length: > 0 } dirs ? dirs.Split(':', StringSplitOptions.RemoveEmptyEntries) : ["/etc/xdg"];
        foreach (var dir in xdgDirs) yield return Path.Combine(dir, "pip", "pip.conf");
        yield return "/etc/pip.conf";
        if (!(configFile is { Length: > 0 } && File.Exists(configFile)) && env("HOME") is { Length: > 0 } home)
        {
            yield return Path.Combine(home, ".pip", "pip.conf");
            yield return Path.Combine(env("XDG_CONFIG_HOME") is { Length: > 0 } config ? config : Path.Combine(home, ".config"), "pip", "pip.conf");
        }
        if (env("VIRTUAL_ENV") is { Length: > 0 } venv) yield return Path.Combine(venv, "pip.conf");
        if (configFile is { Length: > 0 }) yield return configFile;
    }

    private static string? Read(string file, RegistryContext context)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException(context.Words.Format("reason.registry.config.unreadable", file, e.Message), context.Words["reason.registry.config.unreadable.hint"]);
        }
    }
}
