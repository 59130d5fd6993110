using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A step of a runbook run started.</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Number">The step's number, from 1.</param>
/// <param name="Step">The step's name.</param>
/// <param name="StepKind">The step's kind (<c>run</c>, <c>restore</c>…).</param>
/// <param name="Attempt">1 for its first start in this run, 2 after a resume…</param>
public sealed record RunbookStepStarted(string Runbook, string Run, int Number, string Step, string StepKind, int Attempt)
    : JournalEvent("runbook.step", "runbook.step.started", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Runbook, Run, Number, Step, StepKind, Attempt];
}
