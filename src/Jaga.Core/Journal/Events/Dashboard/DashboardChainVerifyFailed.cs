using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A verification of the chain a user started from the dashboard stopped before it recorded its outcome (the store
/// failed, the plan's public key could not be read): without this entry the press would leave no trace.</summary>
public sealed record DashboardChainVerifyFailed(string User, string Reason) : JournalEvent("dashboard.audit", "dashboard.audit.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [User, Reason];
}
