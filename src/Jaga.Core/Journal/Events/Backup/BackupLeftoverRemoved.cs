using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>An unfinished upload was removed from a destination.</summary>
/// <param name="Destination">The destination.</param>
/// <param name="Object">The object removed.</param>
public sealed record BackupLeftoverRemoved(string Destination, string Object) : JournalEvent("backup.cleanup", "backup.leftover.removed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Destination, Object];
}
