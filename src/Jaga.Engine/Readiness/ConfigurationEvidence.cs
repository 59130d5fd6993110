using Jaga.Core.Env;
using Jaga.Core.Interpolation;
using Jaga.Core.Readiness;
using Jaga.Engine.Files;

namespace Jaga.Engine.Readiness;

/// <summary>Point 1, configuration: no <c>.env</c> file tracked by git, each ignored, every key <c>.env.example</c> names
/// set in the process environment or the env files, and no secret found in the repository.</summary>
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

    /// <summary>The keys of <c>.env.example</c> beside the plan, each set where the application can read it: in the
    /// environment of the process that runs it, or in an env file the plan reads (<c>.env</c> when it names none), looked up
    /// as <see cref="EnvCheck"/> looks them up. The evidence says where each key was found; a named env file that does not
    /// exist is noted, not failed, since the environment may hold its keys.</summary>
    private static IEnumerable<Evidence> RequiredKeys(ReadinessInputs inputs)
    {
        var example = Path.Combine(inputs.Plan.Directory, ".env.example");
        if (!File.Exists(example))
        {
            yield return Evidence.Note("cli.checklist.env.noexample");
            yield break;
        }
        var required = EnvFile.Parse(InputFile.ReadText(example, InputFile.EnvFileLimit, "env file") ?? "", example).Values.Keys.Order(StringComparer.Ordinal).ToList();
        var names = inputs.Plan.Plan.EnvFiles.Count > 0 ? inputs.Plan.Plan.EnvFiles : [".env"];
        var files = new List<EnvFile>();
        foreach (var name in names)
        {
            var path = inputs.Plan.Resolve(name);
            if (File.Exists(path)) files.Add(EnvFile.Parse(InputFile.ReadText(path, InputFile.EnvFileLimit, "env file") ?? "", name));
            else yield return Evidence.Note("cli.checklist.env.missing", name);
        }
        var variables = inputs.Variables ?? Environment.GetEnvironmentVariable;
        var where = required.Select(k => (Key: k, In: EnvCheck.FoundIn(k, files, variables))).ToList();
        var missing = where.Where(w => w.In is null).Select(w => w.Key).ToList();
        if (missing.Count > 0)
        {
            yield return Evidence.Failed("cli.checklist.env.keys.missing", string.Join(", ", names), string.Join(", ", missing));
            yield break;
        }
        // Which keys each env file holds, in the plan's order, then those the process environment holds.
        var inFiles = where.Where(w => w.In != EnvCheck.Environment).GroupBy(w => w.In!, StringComparer.Ordinal)
            .Select(g => g.Key + " (" + string.Join(", ", g.Select(w => w.Key)) + ")").ToList();
        var inEnvironment = where.Where(w => w.In == EnvCheck.Environment).Select(w => w.Key).ToList();
        yield return Evidence.Ok("cli.checklist.env.keys", required.Count, List(inFiles), List(inEnvironment));
    }

    private static string List(List<string> items) => items.Count == 0 ? "-" : string.Join(", ", items);
}
