using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate export</c> wrote every table and the manifest (the seed's migration step 1).</summary>
/// <param name="Source">The source database, password masked.</param>
/// <param name="Folder">The export folder.</param>
/// <param name="Tables">How many tables.</param>
/// <param name="Rows">Their rows.</param>
/// <param name="Duration">How long it took (<c>4.2 s</c>).</param>
public sealed record MigrationExported(string Source, string Folder, int Tables, long Rows, string Duration)
    : JournalEvent("migration.export", "migration.exported", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Source, Folder, Tables, Rows, Duration];
}
