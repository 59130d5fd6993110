using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;

namespace Jaga.Core.Adapters;

/// <summary>What the backup pillar asks of one kind of source (PostgreSQL, SQLite, files): read it, and restore into it.</summary>
public interface ISourceAdapter
{
    SourceKind Kind { get; }

    /// <summary>The source a backup job reads.</summary>
    IBackupSource Open(BackupJob job, LoadedPlan plan);

    /// <summary>The target <c>backup restore --into</c> names for a backup of this kind. <paramref name="replace"/>
    /// (<c>--force</c>): what a database target holds is dropped in the restore's transaction.</summary>
    IRestoreTarget Target(BackupManifest manifest, string into, bool replace);

    /// <summary>A throw-away target for a test restore: a temporary database on <paramref name="restoreInto"/>, a temporary
    /// file or folder.</summary>
    Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct);
}
