using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Sqlite.Backup;

namespace Jaga.Sqlite;

/// <summary>A SQLite file as a backup source and restore target.</summary>
internal sealed class SqliteSourceAdapter : ISourceAdapter
{
    public SourceKind Kind => SourceKind.Sqlite;

    public IBackupSource Open(BackupJob job, LoadedPlan plan) => new SqliteSource(plan.Resolve(((SqliteDatabase)job.Source).Sqlite));

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace) => new SqliteRestoreTarget(into);

    public Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct)
    {
        var file = SqliteScratchFile.Create();
        return Task.FromResult(new ScratchTarget(file.Target, file.DisposeAsync, file.Path));
    }
}
