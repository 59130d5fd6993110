using Jaga.Core.Interpolation;
using Jaga.Core.Readiness;
using Jaga.Engine.Files;

namespace Jaga.Engine.Readiness;

/// <summary>Point 1, configuration: no <c>.env</c> file tracked by git, each ignored, every key <c>.env.example</c> names
/// present in the env files, and no secret found in the repository.</summary>
internal static class ConfigurationEvidence
{
    /// <summary>Env files that hold no values, only their names: committed on purpose.</summary>
    private static readonly string[] Examples = [".example", ".sample", ".template", ".dist", ".defaults"];

    public static bool IsEnvFile(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith(".env", StringComparison.Ordinal) && !Examples.Any(e => name.EndsWith(e, StringComparison.Ordinal));
    }

    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, GitRepository? git, SecretsEvidence secrets, CancellationToken ct)
    {
        var found = new List<Evidence>();
        if (git is null)
        {
            found.Add(Evidence.Failed("cli.checklist.git.none", inputs.Plan.Directory));
        }
        else
        {
            var tracked = (await git.TrackedAsync(ct)).Where(IsEnvFile).ToList();
            found.Add(tracked.Count == 0 ? Evidence.Ok("cli.checklist.env.untracked") : Evidence.Failed("cli.checklist.env.tracked", string.Join(", ", tracked)));
            var present = Directory.EnumerateFiles(git.Root, ".env*").Select(f => Path.GetFileName(f)).Where(IsEnvFile);
            var notIgnored = new List<string>();
            foreach (var name in present.Append(".env").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                if (!await git.IsIgnoredAsync(name, ct)) notIgnored.Add(name);
            found.Add(notIgnored.Count == 0 ? Evidence.Ok("cli.checklist.env.ignored") : Evidence.Failed("cli.checklist.env.notignored", string.Join(", ", notIgnored)));
        }
        found.AddRange(RequiredKeys(inputs));
        found.Add(secrets.Evidence);
        return found;
    }

    /// <summary>The keys of <c>.env.example</c> beside the plan, each present in every env file the plan reads (<c>.env</c> when
    /// it names none).</summary>
    private static IEnumerable<Evidence> RequiredKeys(ReadinessInputs inputs)
    {
        var example = Path.Combine(inputs.Plan.Directory, ".env.example");
        if (!File.Exists(example))
        {
            yield return Evidence.Note("cli.checklist.env.noexample");
            yield break;
        }
        var required = EnvFile.Parse(InputFile.ReadText(example, InputFile.EnvFileLimit, "env file") ?? "", example).Values.Keys.Order(StringComparer.Ordinal).ToList();
        var files = inputs.Plan.Plan.EnvFiles.Count > 0 ? inputs.Plan.Plan.EnvFiles : [".env"];
        foreach (var file in files)
        {
            var path = inputs.Plan.Resolve(file);
            if (!File.Exists(path))
            {
                yield return Evidence.Failed("cli.checklist.env.missing", file);
                continue;
            }
            var have = EnvFile.Parse(InputFile.ReadText(path, InputFile.EnvFileLimit, "env file") ?? "", path).Values;
            var missing = required.Where(k => !have.ContainsKey(k)).ToList();
            yield return missing.Count == 0
                ? Evidence.Ok("cli.checklist.env.keys", file, required.Count)
                : Evidence.Failed("cli.checklist.env.keys.missing", file, string.Join(", ", missing));
        }
    }
}
