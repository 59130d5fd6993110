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

    /// <summary>The first attempt whose step is no longer at its place in <paramref name="runbook"/> (renamed, of another
    /// kind, or gone), or null. Steps are resumed by their place, so a run whose runbook's steps moved since it started
    /// would skip the wrong ones: such a run is not resumed. A step changed in place (its command fixed) keeps its place.</summary>
    public static RunbookStepAttempt? Moved(Plan.Runbook runbook, IEnumerable<RunbookStepAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        ArgumentNullException.ThrowIfNull(attempts);
        return attempts.FirstOrDefault(a => a.Index >= runbook.Steps.Count || runbook.Steps[a.Index].Name != a.Name || runbook.Steps[a.Index].Kind != a.Kind);
    }
}
