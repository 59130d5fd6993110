using Jaga.Core.Errors;
using Jaga.Core.Globbing;
using Jaga.Core.Plan;
using Jaga.Core.Secrets;

namespace Jaga.Engine.Secrets;

/// <summary>The options a plan asks of a secrets scan: its <c>secrets.allow</c>, its rule file and its size limit.</summary>
public static class SecretsPlan
{
    /// <summary>The options of <paramref name="plan"/>; <paramref name="config"/> (a gitleaks-format file, as the user
    /// gave it) replaces the plan's <c>secrets.config</c>.</summary>
    /// <exception cref="UserException">A rule file that cannot be read or parsed, or an allowlist entry that cannot be compiled.</exception>
    public static SecretsScanOptions Options(LoadedPlan plan, string? config = null, bool history = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var section = plan.Plan.Secrets;
        var file = config ?? (section.Config is { } c ? plan.Resolve(c) : null);
        return new SecretsScanOptions
        {
            Rules = file is null ? JagaRules.Default : ReadRules(file),
            Allow = Allow(section.Allow, plan.File),
            MaxFileSize = section.MaxFileSize,
            History = history,
        };
    }

    /// <summary>Reads a gitleaks-format rule file.</summary>
    public static SecretRuleSet ReadRules(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        string text;
        try
        {
            if (Directory.Exists(file)) throw new UserException($"{file}: a folder, not a rule file", "give the path of a gitleaks.toml");
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"{file}: cannot read the rule file: {e.Message}", "give the path of a gitleaks.toml");
        }
        return GitleaksConfig.Parse(text, file);
    }

    private static SecretsAllow Allow(SecretsAllowSection allow, string planFile)
    {
        GlobRules paths;
        try
        {
            paths = new GlobRules(allow.Paths);
        }
        catch (ArgumentException e)
        {
            throw new UserException($"{planFile}: secrets.allow.paths: {e.Message}", "write globs as in a .gitignore");
        }
        var regexes = allow.Regexes.Select((r, i) =>
        {
            try
            {
                return SecretPatterns.Compile(r);
            }
            catch (FormatException e)
            {
                throw new UserException($"{planFile}: secrets.allow.regexes[{i}] '{r}' cannot be compiled: {e.Message}", "write it in RE2 syntax, as gitleaks'");
            }
        }).ToList();
        return new SecretsAllow(paths, regexes);
    }
}
