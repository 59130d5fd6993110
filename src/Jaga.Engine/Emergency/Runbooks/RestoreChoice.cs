using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Which backup a <c>restore</c> step restores: the job's newest complete one (<c>latest</c>), its newest whose last
/// verification passed (<c>latest_verified</c>), or one by id (or a prefix only one backup of the job has).</summary>
public static class RestoreChoice
{
    public static async Task<BackupRecord> FindAsync(IBackupCatalog catalog, string job, string from, Catalog words, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(words);
        var complete = (await catalog.ListAsync(job, ct))
            .Where(r => r.Status is BackupStatus.Complete or BackupStatus.Partial && r.Manifest is not null)
            .OrderByDescending(r => r.StartedAt).ToList();
        return from switch
        {
            BackupRestore.Latest => complete.FirstOrDefault()
                ?? throw new UserException(words.Format("reason.runbook.restore.none", job), words.Format("reason.runbook.restore.none.hint", job)),
            BackupRestore.LatestVerified => complete.FirstOrDefault(Verified)
                ?? throw new UserException(words.Format("reason.runbook.restore.unverified", job), words.Format("reason.runbook.restore.unverified.hint", job)),
            _ => complete.Where(r => r.Id.StartsWith(from, StringComparison.Ordinal)).ToList() switch
            {
                [var one] => one,
                [] => throw new UserException(words.Format("reason.runbook.restore.id", from, job), words.Format("reason.runbook.restore.none.hint", job)),
                var many => throw new UserException(words.Format("reason.runbook.restore.ambiguous", from, many.Count), words["reason.runbook.restore.ambiguous.hint"]),
            },
        };
    }

    /// <summary>Whether a backup's last verification passed.</summary>
    public static bool Verified(BackupRecord r) => r.VerifiedAt is not null && r.VerifyResult == "ok";
}
