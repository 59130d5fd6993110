using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "verify chain" on the dashboard while a verification another press started was still running:
/// no second one starts (the page shows the running one's result), but the press is recorded, as every act is.</summary>
public sealed record DashboardChainVerifyJoined(string User, string StartedBy) : JournalEvent(AuditKind, "dashboard.audit.joined", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "dashboard.audit";

    public override IReadOnlyList<object?> Arguments => [User, StartedBy];
}
