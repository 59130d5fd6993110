using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A dashboard user was removed (<c>jaga user remove</c>).</summary>
public sealed record DashboardUserRemoved(string Name) : JournalEvent("dashboard.user", "dashboard.user.removed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Name];
}
