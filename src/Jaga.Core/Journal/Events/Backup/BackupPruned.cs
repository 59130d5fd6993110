using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>Retention removed a backup from a destination.</summary>
/// <param name="Destination">The destination.</param>
/// <param name="Artifact">The backup, as shown to users.</param>
/// <param name="Reason">The rule that no longer keeps it.</param>
public sealed record BackupPruned(string Destination, string Artifact, string Reason) : JournalEvent("backup.prune", "backup.pruned", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Destination, Artifact, Reason];
}
