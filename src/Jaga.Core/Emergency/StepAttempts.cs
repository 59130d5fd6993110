using Jaga.Core.Ports;

namespace Jaga.Core.Emergency;

/// <summary>What a run's stored step attempts say for a resume: the attempt that counts for each step is its latest, and a
/// step whose latest attempt succeeded is not run again.</summary>
public static class StepAttempts
{
    /// <summary>The latest attempt of each step, by step index.</summary>
    public static IReadOnlyDictionary<int, RunbookStepAttempt> Latest(IEnumerable<RunbookStepAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var latest = new SortedDictionary<int, RunbookStepAttempt>();
        foreach (var a in attempts)
            if (!latest.TryGetValue(a.Index, out var seen) || a.Attempt > seen.Attempt) latest[a.Index] = a;
        return latest;
    }

    /// <summary>The indexes of the steps whose latest attempt succeeded: those a resume skips (their outputs stay usable).</summary>
    public static IReadOnlySet<int> Succeeded(IEnumerable<RunbookStepAttempt> attempts) =>
        Latest(attempts).Values.Where(a => a.Outcome == StepAttemptOutcome.Succeeded).Select(a => a.Index).ToHashSet();
}
