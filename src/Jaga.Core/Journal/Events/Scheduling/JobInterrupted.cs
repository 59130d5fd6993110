using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>A run was cut short by the node shutting down.</summary>
/// <param name="Job">The job.</param>
public sealed record JobInterrupted(string Job) : JournalEvent("scheduler.interrupt", "job.interrupted", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job];
}
