using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "gather again" on the checklist page and a new gathering of the evidence started.</summary>
public sealed record DashboardChecklistGathered(string User) : JournalEvent(AuditKind, "dashboard.checklist.gather", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "dashboard.checklist";

    public override IReadOnlyList<object?> Arguments => [User];
}
