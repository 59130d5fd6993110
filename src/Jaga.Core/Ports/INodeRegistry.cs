namespace Jaga.Core.Ports;

/// <summary>The <c>jaga run</c> processes that run the plan, as they register and beat in the state store.</summary>
public interface INodeRegistry
{
    /// <summary>Registers or refreshes <paramref name="node"/> (its <see cref="NodeInfo.LastSeen"/> is the time of this beat).</summary>
    Task BeatAsync(NodeInfo node, CancellationToken ct = default);

    /// <summary>Marks a node as stopped (a clean shutdown), so status does not wait for it to go silent.</summary>
    Task NodeStoppedAsync(string node, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Every node that ever registered, most recently seen first.</summary>
    Task<IReadOnlyList<NodeInfo>> NodesAsync(CancellationToken ct = default);
}
