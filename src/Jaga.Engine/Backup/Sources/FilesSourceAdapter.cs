using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Sources;

/// <summary>Files and folders as a backup source (tar) and restore target (a folder).</summary>
internal sealed class FilesSourceAdapter : ISourceAdapter
{
    public SourceKind Kind => SourceKind.Files;

    public IBackupSource Open(BackupJob job, LoadedPlan plan)
    {
        var files = (FileSet)job.Source;
        return new FilesSource(plan.Directory, files.Files, files.Exclude);
    }

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace) => new FilesRestoreTarget(into, [.. manifest.Tables.Keys]);

    public Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct)
    {
        var folder = FilesScratchFolder.Create([.. manifest.Tables.Keys]);
        return Task.FromResult(new ScratchTarget(folder.Target, folder.DisposeAsync, folder.Path));
    }
}
