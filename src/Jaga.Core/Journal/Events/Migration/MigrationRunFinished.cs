using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>A whole <c>jaga migrate run</c> succeeded. With <see cref="MigrationRunFailed"/>, the one entry of kind
/// <c>migration.run</c> per run: a significant change, which the review's change records follow.</summary>
/// <param name="From">The source database, any password masked.</param>
/// <param name="To">The target database, any password masked.</param>
/// <param name="Summary">Tables, rows, hashes, keys and tests in a few words.</param>
/// <param name="Receipt">The receipt's path.</param>
public sealed record MigrationRunFinished(string From, string To, string Summary, string Receipt)
    : JournalEvent("migration.run", "migration.finished", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [From, To, Summary, Receipt];
}
