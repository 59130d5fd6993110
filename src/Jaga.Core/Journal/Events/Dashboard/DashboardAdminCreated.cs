using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>The first run made the dashboard's first admin; its password went to the console once, never to the log.</summary>
public sealed record DashboardAdminCreated(string Name, string Url) : JournalEvent("dashboard.user", "dashboard.user.first", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Name, Url];
}
