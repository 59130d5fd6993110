using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>How scheduled verifications of a backup job run. (When jobs are due is the scheduler's: <c>Core.Scheduling.Due</c>.)</summary>
public static class BackupSchedule
{
    /// <summary>Scheduled verifications restore too when a scratch target exists: always for SQLite and files, for PostgreSQL when <c>verify.restore_into</c> is set.</summary>
    public static bool RestoreWhenVerifying(BackupJob job) => job.Source is not PostgresDatabase || job.Verify?.RestoreInto is not null;

    /// <summary>The newest backup of <paramref name="job"/> a verification can check (finished, with its manifest), or null.</summary>
    public static async Task<BackupRecord?> VerifiableAsync(IBackupCatalog catalog, string job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return (await catalog.ListAsync(job, ct)).FirstOrDefault(IsVerifiable);
    }

    /// <summary>Whether a verification can check <paramref name="record"/>: it finished at a destination at least and has its manifest.</summary>
    public static bool IsVerifiable(BackupRecord record) =>
        record is { Manifest: not null, Status: BackupStatus.Complete or BackupStatus.Partial };
}
