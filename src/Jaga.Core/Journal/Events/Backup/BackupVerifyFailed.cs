using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup failed its verification.</summary>
/// <param name="Artifact">The backup.</param>
/// <param name="Reason">What failed.</param>
public sealed record BackupVerifyFailed(string Artifact, string Reason) : JournalEvent("backup.verify", "backup.verify.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Artifact, Reason];
}
