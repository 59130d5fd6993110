using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "verify chain" on the dashboard while a verification another press started was still running:
/// no second one starts (the page shows the running one's result), but the press is recorded, as every act is.</summary>
public sealed record DashboardChainVerifyJoined(string User, string StartedBy) : JournalEvent("dashboard.audit", "dashboard.audit.joined", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [User, StartedBy];
}
