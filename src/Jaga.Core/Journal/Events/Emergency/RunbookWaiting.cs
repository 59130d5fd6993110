using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A runbook run waits at an <c>approve</c> step for people to approve it.</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id (what <c>jaga runbook approve</c> takes).</param>
/// <param name="Number">The step's number, from 1.</param>
/// <param name="Needed">How many different people must approve.</param>
/// <param name="Prompt">The question, masked.</param>
public sealed record RunbookWaiting(string Runbook, string Run, int Number, int Needed, string Prompt)
    : JournalEvent("runbook.step", "runbook.waiting", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Runbook, Run, Number, Needed, Prompt];
}
