using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>A run was stopped at its timeout.</summary>
/// <param name="Job">The job.</param>
/// <param name="Timeout">The timeout, as the plan writes durations.</param>
public sealed record JobTimedOut(string Job, string Timeout) : JournalEvent("scheduler.timeout", "job.timeout", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Timeout];
}
