using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>Missed runs of a job were skipped (<c>catch_up: skip</c>).</summary>
/// <param name="Job">The job.</param>
/// <param name="Missed">How many runs were missed.</param>
/// <param name="LastDue">The last missed time, in the plan's zone.</param>
/// <param name="Next">The next run, in the plan's zone, or "-".</param>
public sealed record JobSkipped(string Job, int Missed, string LastDue, string Next) : JournalEvent("scheduler.skip", "job.skipped", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Missed, LastDue, Next];
}
