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
        return new ScratchTarget(db.Target, db.DisposeAsync, PostgresScratchDatabase.UrlOf(restoreInto, db.Name));
    }
}
