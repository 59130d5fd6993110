using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A runbook run started (or was resumed): by whom, on what trigger, with which parameters.</summary>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Run">The run's id.</param>
/// <param name="Trigger">What started it: <c>manual</c>, <c>check:api</c>, <c>runbook:RUN</c>.</param>
/// <param name="By">The person, or <c>jaga</c>.</param>
/// <param name="Parameters">The parameters as <c>name=value</c>, comma-separated; "-" when none.</param>
/// <param name="Resumed">Whether a stopped run was resumed rather than started.</param>
public sealed record RunbookRunStarted(string Runbook, string Run, string Trigger, string By, string Parameters, bool Resumed)
    : JournalEvent(AuditKind, "runbook.started", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "runbook.run";

    public override IReadOnlyList<object?> Arguments => [Runbook, Run, new Phrase(Resumed ? "runbook.how.resumed" : "runbook.how.started"), By, Trigger, Parameters];
}
