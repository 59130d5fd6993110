using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup was read back and found intact.</summary>
/// <param name="Artifact">The backup.</param>
/// <param name="Summary">What was checked.</param>
public sealed record BackupVerified(string Artifact, string Summary) : JournalEvent("backup.verify", "backup.verified", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Artifact, Summary];
}
