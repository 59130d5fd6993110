using Jaga.Core.Ports;

namespace Jaga.Engine.Backup.Destinations;

/// <summary>A destination of the plan that could not be set up (a malformed fingerprint, an S3 URL without a bucket):
/// every operation fails with the reason, so a run records it as a failed destination and goes on with the others.</summary>
internal sealed class BrokenDestination(string name, string reason) : IBackupDestination
{
    public string Name => name;

    public string Description => $"{name} (not usable: {reason})";

    public Task<IArtifactUpload> BeginAsync(string name, CancellationToken ct = default) => throw Failure();

    public Task<Stream> OpenReadAsync(string name, CancellationToken ct = default) => throw Failure();

    public Task<IReadOnlyList<StoredObject>> ListAsync(CancellationToken ct = default) => throw Failure();

    public Task<bool> DeleteAsync(string name, CancellationToken ct = default) => throw Failure();

    public Task<IReadOnlyList<Leftover>> ListLeftoversAsync(CancellationToken ct = default) => throw Failure();

    public Task RemoveLeftoverAsync(Leftover leftover, CancellationToken ct = default) => throw Failure();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private DestinationException Failure() => new(name, reason, transient: false);
}
