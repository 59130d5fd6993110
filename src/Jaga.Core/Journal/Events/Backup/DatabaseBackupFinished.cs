using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A database backup was stored at every destination.</summary>
/// <param name="Where">Where it is, destination by destination.</param>
public sealed record DatabaseBackupFinished(string Where) : JournalEvent("backup.run", "backup.done", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Where];
}
