using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="INodeRegistry"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedNodeRegistry(INodeRegistry inner, StoreGuard guard) : INodeRegistry
{
    public Task BeatAsync(NodeInfo node, CancellationToken ct = default) => guard.Run(() => inner.BeatAsync(node, ct));

    public Task NodeStoppedAsync(string node, DateTimeOffset at, CancellationToken ct = default) =>
        guard.Run(() => inner.NodeStoppedAsync(node, at, ct));

    public Task<IReadOnlyList<NodeInfo>> NodesAsync(CancellationToken ct = default) => guard.Run(() => inner.NodesAsync(ct));
}
