using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary><c>jaga migrate verify</c> found tables whose rows differ between the two sides.</summary>
/// <param name="Source">The source database or export folder, password masked.</param>
/// <param name="Target">The target database, password masked.</param>
/// <param name="Differing">The differing tables, each with its row counts (<c>orders (120 vs 119)</c>).</param>
public sealed record MigrationVerifyFailed(string Source, string Target, string Differing)
    : JournalEvent("migration.verify", "migration.verify.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Source, Target, Differing];
}
