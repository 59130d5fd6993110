using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Migration.Run;
using Jaga.Core.Storage;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>A step of <c>jaga migrate run</c> failed; the run stops there.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Of">How many steps the run has.</param>
/// <param name="Step">Which step.</param>
/// <param name="Reason">Why, masked.</param>
public sealed record MigrationStepFailed(int Number, int Of, MigrationStep Step, string Reason)
    : JournalEvent("migration.step", "migration.step.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Number, Of, new Phrase("migration.step." + StoredWord.Text(Step)), Reason];
}
