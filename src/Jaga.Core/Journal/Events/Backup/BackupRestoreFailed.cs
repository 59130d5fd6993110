using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup could not be restored.</summary>
/// <param name="Artifact">The backup.</param>
/// <param name="Target">Where it was to be restored.</param>
/// <param name="Reason">Why.</param>
public sealed record BackupRestoreFailed(string Artifact, string Target, string Reason) : JournalEvent("backup.restore", "backup.restore.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Artifact, Target, Reason];
}
