using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Migration.Run;
using Jaga.Core.Storage;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>One step of <c>jaga migrate run</c> succeeded.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="Of">How many steps the run has.</param>
/// <param name="Step">Which step.</param>
/// <param name="Detail">What it did (tables and rows, keys set, the test command's result).</param>
/// <param name="Took">How long it took, formatted.</param>
public sealed record MigrationStepDone(int Number, int Of, MigrationStep Step, string Detail, string Took)
    : JournalEvent("migration.step", "migration.step.done", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Number, Of, new Phrase("migration.step." + StoredWord.Text(Step)), Took, Detail];
}
