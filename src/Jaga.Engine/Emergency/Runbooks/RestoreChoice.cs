using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
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

    /// <summary>Refuses a target of the wrong kind before anything is touched, as <c>jaga backup restore</c> does: a files
    /// backup goes into a folder, a SQLite backup into a file, a database dump into a database URL. Without it a SQLite
    /// backup "restored" into a <c>postgres://</c> URL became a file named after the URL in the plan's folder.</summary>
    public static void Fits(BackupRecord record, string into, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var misfit = Misfit(record, into);
        var wrong = misfit switch
        {
            SourceKind.Files => "reason.runbook.restore.into.files",
            SourceKind.Sqlite => "reason.runbook.restore.into.sqlite",
            SourceKind.Postgres or SourceKind.Mysql => "reason.runbook.restore.into.database",
            null => null,
        };
        if (wrong is not null)
            throw new UserException(words.Format(wrong, record.Artifact, record.Job, into, misfit == SourceKind.Mysql ? "MySQL" : "PostgreSQL"), words["reason.runbook.restore.into.hint"]);
    }

    /// <summary>The backup's source kind when <paramref name="into"/> is not a target of that kind (a files backup goes into
    /// a folder, a SQLite backup into a file, a database dump into a database URL); null when it fits. The one decision
    /// behind <see cref="Fits"/> and <c>jaga backup restore</c>'s check.</summary>
    public static SourceKind? Misfit(BackupRecord record, string into)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(into);
        var kind = (SourceKind)EnumWord.Parse(typeof(SourceKind), record.SourceKind);
        var url = into.Contains("://", StringComparison.Ordinal);
        var wrong = kind switch
        {
            SourceKind.Files => url || File.Exists(into),
            SourceKind.Sqlite => url || Directory.Exists(into),
            SourceKind.Postgres or SourceKind.Mysql => !url,
        };
        return wrong ? kind : null;
    }

    /// <summary>Whether a backup's last verification passed.</summary>
    public static bool Verified(BackupRecord r) => r.VerifiedAt is not null && r.VerifyResult == "ok";
}
