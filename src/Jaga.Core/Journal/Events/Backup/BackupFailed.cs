using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup run failed: nothing usable was kept.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Reason">Why.</param>
public sealed record BackupFailed(string Job, string Reason) : JournalEvent("backup.run", "backup.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Reason];
}
