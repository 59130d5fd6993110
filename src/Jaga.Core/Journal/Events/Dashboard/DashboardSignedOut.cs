using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user signed out of the dashboard.</summary>
public sealed record DashboardSignedOut(string User) : JournalEvent("dashboard.signout", "dashboard.signout", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [User];
}
