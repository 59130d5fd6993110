using Jaga.Core.Interpolation;

namespace Jaga.Core.Env;

/// <summary>Whether the keys a project needs are set: every <c>${VAR}</c> the plan references without a default, and
/// every key its <c>.env.example</c> lists, looked up as the plan looks them up: the process environment first, then the
/// env files (a later file over an earlier one).</summary>
public static class EnvCheck
{
    /// <summary>What <see cref="EnvRequirement.FoundIn"/> says for a key set in the process environment.</summary>
    public const string Environment = "environment";

    /// <param name="plan">The plan's references.</param>
    /// <param name="example">The example file, when there is one; its keys are required whatever their values.</param>
    /// <param name="files">The env files the plan reads, in order.</param>
    /// <param name="variable">The process environment.</param>
    /// <returns>One requirement per key, the plan's first (in the order written), then the example's.</returns>
    public static IReadOnlyList<EnvRequirement> Of(PlanVariables plan, EnvFile? example, IReadOnlyList<EnvFile> files, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(variable);
        var by = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Need(string key, string who)
        {
            if (!by.TryGetValue(key, out var list))
            {
                by[key] = list = [];
                order.Add(key);
            }
            if (!list.Contains(who, StringComparer.Ordinal)) list.Add(who);
        }
        foreach (var r in plan.References.Where(r => !r.HasDefault)) Need(r.Name, r.Path);
        foreach (var key in example?.Entries.Select(e => e.Key) ?? []) Need(key, example!.Path);
        return [.. order.Select(key => new EnvRequirement(key, by[key], FoundIn(key, files, variable)))];
    }

    /// <summary>Where <paramref name="key"/> is set: <see cref="Environment"/> when the process environment has it, else the
    /// path of the last env file that does; null when none.</summary>
    public static string? FoundIn(string key, IReadOnlyList<EnvFile> files, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(variable);
        if (variable(key) is not null) return Environment;
        return files.LastOrDefault(f => f.Values.ContainsKey(key))?.Path;
    }
}
