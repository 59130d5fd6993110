using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A dashboard user's password was replaced (<c>jaga user passwd</c>); any lock-out ends.</summary>
public sealed record DashboardPasswordChanged(string Name) : JournalEvent("dashboard.user", "dashboard.user.passwd", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Name];
}
