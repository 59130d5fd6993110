using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>Retention could not remove a backup from a destination.</summary>
/// <param name="Destination">The destination.</param>
/// <param name="Artifact">The backup.</param>
/// <param name="Error">Why.</param>
public sealed record BackupPruneFailed(string Destination, string Artifact, string Error) : JournalEvent("backup.prune", "backup.prune.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Destination, Artifact, Error];
}
