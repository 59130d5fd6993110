using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>Missed runs of a job are made up for by one run now.</summary>
/// <param name="Job">The job.</param>
/// <param name="Missed">How many runs were missed.</param>
/// <param name="LastDue">The last missed time, in the plan's zone.</param>
public sealed record JobCatchingUp(string Job, int Missed, string LastDue) : JournalEvent("scheduler.catchup", "job.catchup", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Missed, LastDue];
}
