using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Migration.Run;
using Jaga.Core.Storage;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>A <c>jaga migrate run</c> stopped at a failed step (the run's one <c>migration.run</c> entry, as
/// <see cref="MigrationRunFinished"/> is for a run that succeeded): what the steps before it did stays done.</summary>
/// <param name="From">The source database, any password masked.</param>
/// <param name="To">The target database, any password masked.</param>
/// <param name="Step">The step that failed.</param>
/// <param name="Reason">Why, masked.</param>
/// <param name="Receipt">The receipt's path.</param>
public sealed record MigrationRunFailed(string From, string To, MigrationStep Step, string Reason, string Receipt)
    : JournalEvent("migration.run", "migration.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [From, To, new Phrase("migration.step." + StoredWord.Text(Step)), Reason, Receipt];
}
