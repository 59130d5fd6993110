namespace Jaga.Core.Scheduling;

/// <summary>What the scheduler does with a job now.</summary>
/// <param name="Run">The occurrence to run now, or null.</param>
/// <param name="Missed">Occurrences after the last recorded one that did not run on time (capped at <see cref="Due.MissedCap"/>).</param>
/// <param name="Skipped">The late occurrence recorded as skipped instead of run (<c>catch_up: skip</c>), or null.</param>
/// <param name="Next">The next occurrence after this decision, or null when the schedule has none.</param>
public sealed record DueDecision(DateTimeOffset? Run, int Missed, DateTimeOffset? Skipped, DateTimeOffset? Next)
{
    /// <summary>True when this run makes up for missed occurrences.</summary>
    public bool CatchingUp => Run is not null && Missed > 0;
}
