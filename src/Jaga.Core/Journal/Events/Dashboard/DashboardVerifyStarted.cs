using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Dashboard;

/// <summary>A user pressed "verify" on the dashboard and the daemon started verifying the job's newest backup.</summary>
public sealed record DashboardVerifyStarted(string Job, string Artifact, string User) : JournalEvent(AuditKind, "dashboard.backup.verify", Severity.Info)
{
    /// <summary>The audit kind of this event, which <see cref="DashboardBackupStarted"/> shares.</summary>
    public const string AuditKind = DashboardBackupStarted.AuditKind;

    public override IReadOnlyList<object?> Arguments => [Job, Artifact, User];
}
