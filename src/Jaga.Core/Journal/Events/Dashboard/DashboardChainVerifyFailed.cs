using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A verification of the chain a user started from the dashboard stopped before it recorded its outcome (the store
/// failed, the plan's public key could not be read): without this entry the press would leave no trace.</summary>
public sealed record DashboardChainVerifyFailed(string User, string Reason) : JournalEvent(AuditKind, "dashboard.audit.failed", Severity.Error)
{
    /// <summary>The audit kind of this event, which <see cref="DashboardChainVerifyJoined"/> shares.</summary>
    public const string AuditKind = DashboardChainVerifyJoined.AuditKind;

    public override IReadOnlyList<object?> Arguments => [User, Reason];
}
