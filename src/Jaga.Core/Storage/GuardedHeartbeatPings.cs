using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IHeartbeatPings"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedHeartbeatPings(IHeartbeatPings inner, StoreGuard guard) : IHeartbeatPings
{
    public Task AddPingAsync(Ping ping, CancellationToken ct = default) => guard.Run(() => inner.AddPingAsync(ping, ct));

    public Task<IReadOnlyList<Ping>> PingsAsync(string check, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.PingsAsync(check, limit, ct));

    public Task<IReadOnlyDictionary<string, Ping>> LatestAsync(CancellationToken ct = default) => guard.Run(() => inner.LatestAsync(ct));
}
