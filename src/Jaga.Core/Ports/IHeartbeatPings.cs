namespace Jaga.Core.Ports;

/// <summary>The heartbeat pings received (healthchecks.io conventions), kept in the state store.</summary>
public interface IHeartbeatPings
{
    /// <summary>Stores one heartbeat ping, and forgets that check's pings beyond the newest <see cref="Ping.KeptPerCheck"/>.</summary>
    Task AddPingAsync(Ping ping, CancellationToken ct = default);

    /// <summary>Pings of one check, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Ping>> PingsAsync(string check, int limit, CancellationToken ct = default);
}
