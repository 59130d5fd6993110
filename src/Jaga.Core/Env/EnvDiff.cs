using Jaga.Core.Interpolation;

namespace Jaga.Core.Env;

/// <summary>The keys of two env files compared, never their values: what the expected file (<c>.env.example</c>) lists
/// that the actual one (<c>.env.production</c>) lacks, what the actual one has beyond it, and which of the shared keys are
/// empty in the actual one.</summary>
/// <param name="Missing">In the expected file, not in the actual one: in the expected file's order.</param>
/// <param name="Extra">In the actual file, not in the expected one: in the actual file's order.</param>
/// <param name="Empty">In both, with an empty value in the actual file.</param>
/// <param name="Shared">How many keys are in both.</param>
public sealed record EnvDiff(IReadOnlyList<string> Missing, IReadOnlyList<string> Extra, IReadOnlyList<string> Empty, int Shared)
{
    /// <summary>Compares the keys of <paramref name="expected"/> with those of <paramref name="actual"/>.</summary>
    public static EnvDiff Of(EnvFile expected, EnvFile actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var expectedKeys = Keys(expected);
        var actualKeys = Keys(actual);
        var missing = expectedKeys.Where(k => !actual.Values.ContainsKey(k)).ToList();
        var extra = actualKeys.Where(k => !expected.Values.ContainsKey(k)).ToList();
        var shared = expectedKeys.Where(actual.Values.ContainsKey).ToList();
        return new EnvDiff(missing, extra, [.. shared.Where(k => actual.Values[k].Length == 0)], shared.Count);
    }

    /// <summary>The keys in the order they are first written.</summary>
    private static List<string> Keys(EnvFile file) => [.. file.Entries.Select(e => e.Key).Distinct(StringComparer.Ordinal)];
}
