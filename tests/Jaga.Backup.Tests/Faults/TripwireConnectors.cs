using Jaga.Core.Adapters;
using Jaga.Core.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Backup.Tests.Faults;

/// <summary>The plan's connectors, with every destination behind a <see cref="ManifestTripwire"/>.</summary>
public sealed class TripwireConnectors(IBackupConnectors inner, CancellationTokenSource run, bool refuseDeletes = false) : IBackupConnectors
{
    public IBackupDestination Destination(string name) => new ManifestTripwire(inner.Destination(name), run, refuseDeletes);

    public string Display(string destination, string artifact) => inner.Display(destination, artifact);

    public IBackupSource Source(BackupJob job) => inner.Source(job);

    public BackupEncryption? Encryption(BackupJob job) => inner.Encryption(job);

    public Stream Decrypt(Stream input, ManifestEncryption encryption, BackupJob? job) => inner.Decrypt(input, encryption, job);

    public IRestoreTarget Target(BackupManifest manifest, string into, bool replace = false) => inner.Target(manifest, into, replace);

    public Task<ScratchTarget> ScratchAsync(BackupManifest manifest, string? restoreInto, CancellationToken ct) => inner.ScratchAsync(manifest, restoreInto, ct);
}
