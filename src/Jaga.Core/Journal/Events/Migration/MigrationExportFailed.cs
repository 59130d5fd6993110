using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate export</c> stopped: the folder holds no finished export (no manifest).</summary>
/// <param name="Source">The source database, password masked.</param>
/// <param name="Folder">The export folder.</param>
/// <param name="Reason">Why, masked.</param>
public sealed record MigrationExportFailed(string Source, string Folder, string Reason)
    : JournalEvent("migration.export", "migration.export.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Source, Folder, Reason];
}
