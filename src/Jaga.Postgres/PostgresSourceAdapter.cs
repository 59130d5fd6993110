using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Errors;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Postgres.Backup;

namespace Jaga.Postgres;

/// <summary>PostgreSQL as a backup source and restore target.</summary>
internal sealed class PostgresSourceAdapter : ISourceAdapter
{
    public SourceKind Kind => SourceKind.Postgres;

    public IBackupSource Open(BackupJob job, LoadedPlan plan) => new PostgresSource(((PostgresDatabase)job.Source).Postgres, job.Format);

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace) =>
        into.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || into.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? new PostgresRestoreTarget(into, manifest.Source.Format ?? DumpFormat.Plain, replace: replace)
            : throw new UserException("--into: a PostgreSQL backup restores into a database: give a postgres://user@host/db URL");

    public async Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct)
    {
        if (restoreInto is null)
            throw new UserException("a test restore of a PostgreSQL backup needs a server to restore into: set verify.restore_into to a postgres:// URL (a scratch database is created there and dropped)");
        var db = await PostgresScratchDatabase.CreateAsync(restoreInto, manifest.Source.Format ?? DumpFormat.Plain, ct: ct);
        return new ScratchTarget(db.Target, db.DisposeAsync, ScratchUrl(restoreInto, db.Name));
    }

    /// <summary><paramref name="restoreInto"/> with its database replaced by the scratch one, user, password and
    /// parameters kept: the scratch database as a program connects to it.</summary>
    internal static string ScratchUrl(string restoreInto, string database)
    {
        var authority = restoreInto.IndexOf("://", StringComparison.Ordinal) + 3;
        var query = restoreInto.IndexOf('?', authority);
        var end = query < 0 ? restoreInto.Length : query;
        // The password may hold '/': the path starts after the last '@' of the authority.
        var at = restoreInto.LastIndexOf('@', end - 1, end - authority);
        var slash = restoreInto.IndexOf('/', at < 0 ? authority : at);
        var path = slash < 0 || slash > end ? end : slash;
        return restoreInto[..path] + "/" + database + restoreInto[end..];
    }
}
