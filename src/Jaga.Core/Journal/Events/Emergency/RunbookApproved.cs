using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A person approved an <c>approve</c> step of a runbook run (<c>jaga runbook approve</c>): one line per approval, so
/// the record says who approved what, and how many of the approvals the step needs this one makes.</summary>
/// <param name="Run">The run's id.</param>
/// <param name="Runbook">The runbook's name.</param>
/// <param name="Step">The step's name.</param>
/// <param name="By">Who approved.</param>
/// <param name="Approvals">How many different people have approved the step, this one included.</param>
/// <param name="Needed">How many the step needs, or null when the plan no longer has the step.</param>
/// <param name="Note">The approver's note, masked, if any.</param>
public sealed record RunbookApproved(string Run, string Runbook, string Step, string By, int Approvals, int? Needed, string? Note)
    : JournalEvent(AuditKind, "runbook.approved", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "runbook.approve";

    public override IReadOnlyList<object?> Arguments =>
    [
        Step, Runbook, Run, By,
        Needed is { } n ? new Phrase("runbook.approved.count", [Approvals, n]) : new Phrase("runbook.approved.count.unknown", [Approvals]),
        Note is null ? "" : new Phrase("runbook.approved.note", [Note]),
    ];
}
