using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>What is due: a job whose most recent scheduled occurrence has not run yet (or that never ran), and a
/// verification whose schedule passed since the job's last one.</summary>
public static class BackupSchedule
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <param name="job"></param>
    /// <param name="records">The job's records, newest first.</param>
    /// <param name="now"></param>
    /// <param name="zone"></param>
    public static bool BackupDue(BackupJob job, IReadOnlyList<BackupRecord> records, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (records.Count == 0) return true;
        var due = job.When.Previous(now, zone);
        return due is not null && records[0].StartedAt < due;
    }

    public static bool VerifyDue(BackupJob job, IReadOnlyList<BackupRecord> records, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (job.Verify?.Schedule is not { } schedule) return false;
        if (!records.Any(r => r.Manifest is not null && r.Status is BackupStatus.Complete or BackupStatus.Partial)) return false;
        var lastVerified = records.Max(r => r.VerifiedAt);
        var due = schedule.Previous(now, zone, Horizon);
        return lastVerified is null || (due is not null && lastVerified < due);
    }

    /// <summary>Scheduled verifications restore too when a scratch target exists: always for SQLite and files, for PostgreSQL when <c>verify.restore_into</c> is set.</summary>
    public static bool RestoreWhenVerifying(BackupJob job) => job.Source.Kind != "postgres" || job.Verify?.RestoreInto is not null;
}
