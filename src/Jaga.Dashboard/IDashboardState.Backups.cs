using Jaga.Dashboard.Backups;

namespace Jaga.Dashboard;

/// <summary>The backups page: what it reads and the two acts it starts.</summary>
public partial interface IDashboardState
{
    /// <summary>Every backup job with its newest artifacts (all of them for <paramref name="all"/>, a job's name), from
    /// the backup catalog as <c>jaga backup list</c> reads it and the report <c>jaga status</c> prints.</summary>
    Task<BackupsView> BackupsAsync(string? all, CancellationToken ct);

    /// <summary>Asks the daemon's scheduler to run the backup job <paramref name="job"/> now; <paramref name="user"/> is
    /// recorded as the one who asked (one log line, one audit entry) when it starts.</summary>
    Task<BackupAct> BackUpNowAsync(string job, string user, CancellationToken ct);

    /// <summary>Verifies the newest backup of <paramref name="job"/> in the daemon, as <c>jaga backup verify --latest --job
    /// JOB</c> does; <paramref name="user"/> is recorded as the one who asked when it starts.</summary>
    Task<BackupAct> VerifyNowAsync(string job, string user, CancellationToken ct);
}
