using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate import</c> loaded an export into PostgreSQL.</summary>
/// <param name="From">The export folder.</param>
/// <param name="Target">The target database, its password masked.</param>
/// <param name="Tables">How many tables were loaded.</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Took">How long it took, as a duration (<c>4.2 s</c>).</param>
public sealed record MigrationImported(string From, string Target, int Tables, long Rows, string Took)
    : JournalEvent("migration.import", "migration.imported", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [From, Target, Tables, Rows, Took];
}
