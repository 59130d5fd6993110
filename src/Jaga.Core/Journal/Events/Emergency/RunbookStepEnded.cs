using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A step of a runbook run ended. Its exit code and output tail (masked) go in the audit entry's data.</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Number">The step's number, from 1.</param>
/// <param name="Step">The step's name.</param>
/// <param name="Outcome">How it ended (<c>runbook.attempt.*</c> in the reader's language).</param>
/// <param name="Reason">Why, masked.</param>
/// <param name="Took">How long it took, formatted.</param>
public sealed record RunbookStepEnded(string Runbook, string Run, int Number, string Step, StepAttemptOutcome Outcome, string Reason, string Took)
    : JournalEvent("runbook.step", "runbook.step.ended", Outcome switch
    {
        StepAttemptOutcome.Succeeded or StepAttemptOutcome.Skipped or StepAttemptOutcome.Simulated => Severity.Info,
        StepAttemptOutcome.Interrupted => Severity.Warn,
        _ => Severity.Error,
    })
{
    public override IReadOnlyList<object?> Arguments => [Runbook, Run, Number, Step, new Phrase("runbook.attempt." + Storage.StoredWord.Text(Outcome)), Took, Reason];
}
