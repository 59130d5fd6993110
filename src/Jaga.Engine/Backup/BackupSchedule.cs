using Jaga.Core.Plan;

namespace Jaga.Engine.Backup;

/// <summary>How scheduled verifications of a backup job run. (When jobs are due is the scheduler's: <c>Core.Scheduling.Due</c>.)</summary>
public static class BackupSchedule
{
    /// <summary>Scheduled verifications restore too when a scratch target exists: always for SQLite and files, for PostgreSQL when <c>verify.restore_into</c> is set.</summary>
    public static bool RestoreWhenVerifying(BackupJob job) => job.Source is not PostgresDatabase || job.Verify?.RestoreInto is not null;
}
