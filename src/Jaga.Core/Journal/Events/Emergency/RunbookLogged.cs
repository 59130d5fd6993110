using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>The line a <c>log</c> step writes, at the level the step gives.</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Text">The step's message, filled in and masked.</param>
/// <param name="At">The step's level.</param>
public sealed record RunbookLogged(string Runbook, string Run, string Text, Severity At) : JournalEvent("runbook.log", "runbook.logged", At)
{
    public override IReadOnlyList<object?> Arguments => [Runbook, Run, Text];
}
