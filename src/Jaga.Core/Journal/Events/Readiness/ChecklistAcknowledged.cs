using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Readiness;

/// <summary>A person acknowledged a point of the readiness checklist (<c>jaga checklist ack</c>): what only a person can judge.</summary>
/// <param name="Item">The point (<c>folders</c>, <c>security</c>).</param>
/// <param name="By">Who.</param>
/// <param name="Note">What they checked.</param>
public sealed record ChecklistAcknowledged(string Item, string By, string Note) : JournalEvent(AuditKind, "checklist.acknowledged", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "checklist.ack";

    public override IReadOnlyList<object?> Arguments => [Item, By, Note];
}
