using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "back up now" on the dashboard and the daemon started a run of the job (its own lines follow).</summary>
public sealed record DashboardBackupStarted(string Job, string User) : JournalEvent(AuditKind, "dashboard.backup.run", Severity.Info)
{
    /// <summary>The audit kind of this event (and of its siblings that share it), for code that finds its entries.</summary>
    public const string AuditKind = "dashboard.backup";

    public override IReadOnlyList<object?> Arguments => [Job, User];
}
