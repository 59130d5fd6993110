using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate import</c> stopped: a row was refused, a file changed, the schemas disagree. What it rolled
/// back is as it was.</summary>
/// <param name="From">The export folder.</param>
/// <param name="Target">The target database, its password masked.</param>
/// <param name="Reason">Why, with the file, line and column of a refused row.</param>
public sealed record MigrationImportFailed(string From, string Target, string Reason)
    : JournalEvent("migration.import", "migration.import.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [From, Target, Reason];
}
