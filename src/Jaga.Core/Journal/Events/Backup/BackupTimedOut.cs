using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup run went past its job's <c>timeout</c> and was stopped; what it uploaded was removed.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Artifact">The artifact it was writing.</param>
/// <param name="Timeout">The job's timeout, as the plan writes durations.</param>
public sealed record BackupTimedOut(string Job, string Artifact, string Timeout) : JournalEvent("backup.run", "backup.timedout", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Artifact, Timeout];
}
