using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Scheduling;

/// <summary>A run failed with an error its job did not expect.</summary>
/// <param name="Job">The job.</param>
/// <param name="Error">The error's message.</param>
public sealed record JobCrashed(string Job, string Error) : JournalEvent("scheduler.crash", "job.crashed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Error];
}
