using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>The backup catalog was rebuilt from what the destinations hold.</summary>
/// <param name="Found">How many backups were found.</param>
/// <param name="Removed">How many records were dropped.</param>
/// <param name="Unreachable">True when a destination could not be read (a WARN line).</param>
public sealed record BackupCatalogRebuilt(int Found, int Removed, bool Unreachable) : JournalEvent("backup.reindex", "backup.reindexed", Unreachable ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Found, Removed];
}
