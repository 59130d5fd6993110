using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A files backup was stored at every destination.</summary>
/// <param name="Where">Where it is, destination by destination.</param>
public sealed record FilesBackupFinished(string Where) : JournalEvent("backup.run", "backup.files.done", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Where];
}
