using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A dashboard user was added (<c>jaga user add</c>); never the password.</summary>
public sealed record DashboardUserAdded(string Name, string Role) : JournalEvent("dashboard.user", "dashboard.user.added", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Name, Role];
}
