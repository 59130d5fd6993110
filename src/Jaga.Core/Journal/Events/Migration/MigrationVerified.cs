using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate verify</c> found the same rows on both sides in every table.</summary>
/// <param name="Source">The source database or export folder, password masked.</param>
/// <param name="Target">The target database, password masked.</param>
/// <param name="Tables">How many tables were compared.</param>
/// <param name="Rows">Their rows.</param>
public sealed record MigrationVerified(string Source, string Target, int Tables, long Rows)
    : JournalEvent("migration.verify", "migration.verified", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Source, Target, Tables, Rows];
}
