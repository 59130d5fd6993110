using Jaga.Core.Backup;
using Jaga.Core.Ports;

namespace Jaga.Backup.Tests.Faults;

/// <summary>A destination that cancels the run the moment its manifest is about to be written: a signal that arrives
/// after the artifact was committed and before the manifest that makes it a backup. With <paramref name="refuseDeletes"/>,
/// it also refuses to delete anything, as a destination that went away at that moment would.</summary>
public sealed class ManifestTripwire(IBackupDestination inner, CancellationTokenSource run, bool refuseDeletes) : IBackupDestination
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public async Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default)
    {
        if (name.EndsWith(ArtifactName.ManifestSuffix, StringComparison.Ordinal))
        {
            await run.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }
        return await inner.BeginAsync(name, ct);
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken ct = default) => inner.OpenReadAsync(name, ct);

    public Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default) => inner.ListAsync(ct);

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) =>
        refuseDeletes ? throw new DestinationException(Name, $"{Name}: unreachable (test)", transient: true) : inner.DeleteAsync(name, ct);

    public Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default) => inner.ListLeftoversAsync(ct);

    public Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default) => inner.RemoveLeftoverAsync(leftover, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
