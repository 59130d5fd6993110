using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "verify" on the dashboard and the daemon started verifying the job's newest backup.</summary>
public sealed record DashboardVerifyStarted(string Job, string Artifact, string User) : JournalEvent("dashboard.backup", "dashboard.backup.verify", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Job, Artifact, User];
}
