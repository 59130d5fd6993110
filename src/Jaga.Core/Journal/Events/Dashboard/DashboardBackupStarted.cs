using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "back up now" on the dashboard and the daemon started a run of the job (its own lines follow).</summary>
public sealed record DashboardBackupStarted(string Job, string User) : JournalEvent("dashboard.backup", "dashboard.backup.run", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Job, User];
}
