using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user signed in to the dashboard.</summary>
public sealed record DashboardSignedIn(string User, string Address) : JournalEvent("dashboard.signin", "dashboard.signin", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [User, Address];
}
