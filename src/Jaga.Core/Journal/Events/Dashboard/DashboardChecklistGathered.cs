using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "gather again" on the checklist page and a new gathering of the evidence started.</summary>
public sealed record DashboardChecklistGathered(string User) : JournalEvent("dashboard.checklist", "dashboard.checklist.gather", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [User];
}
