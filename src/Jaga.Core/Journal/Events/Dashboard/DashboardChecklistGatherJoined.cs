using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "gather again" on the checklist page while a gathering was under way: no second one starts (the
/// page shows the running one's result when it ends), but the press is recorded, as every act is.</summary>
public sealed record DashboardChecklistGatherJoined(string User) : JournalEvent(AuditKind, "dashboard.checklist.joined", Severity.Info)
{
    /// <summary>The audit kind of this event, which <see cref="DashboardChecklistGathered"/> shares.</summary>
    public const string AuditKind = DashboardChecklistGathered.AuditKind;

    public override IReadOnlyList<object?> Arguments => [User];
}
