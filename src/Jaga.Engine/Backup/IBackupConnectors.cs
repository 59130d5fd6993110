using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Engine.Backup;

/// <summary>Turns the plan's words into working parts: destinations, sources, restore targets, keys.
/// The one place that knows which adapter serves which kind.</summary>
public interface IBackupConnectors
{
    IBackupDestination Destination(string name);

    /// <summary>How a destination's objects are shown in the log: <c>backup/db_2025-11-15.sql</c> for a local folder as the plan names it, a URL otherwise.</summary>
    string Display(string destination, string artifact);

    IBackupSource Source(BackupJob job);

    BackupEncryption? Encryption(BackupJob job);

    /// <summary>A stream of the plaintext of an encrypted artifact, with the keys the plan, the command line or the environment give.</summary>
    Stream Decrypt(Stream input, ManifestEncryption encryption, BackupJob? job);

    /// <summary>The target <c>backup restore --into</c> names: a database URL or a path, for a backup of this kind.
    /// <paramref name="replace"/> (<c>--force</c>): what a database target holds is dropped in the restore's transaction.</summary>
    IRestoreTarget Target(BackupManifest manifest, string into, bool replace = false);

    /// <summary>A throw-away target for <c>backup verify --restore</c>: a temporary database on <paramref name="restoreInto"/>, a temporary file or folder.</summary>
    Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct);
}
