namespace Jaga.Core.Ports;

/// <summary>The heartbeat pings received (healthchecks.io conventions), kept in the state store.</summary>
public interface IHeartbeatPings
{
    /// <summary>Stores one heartbeat ping, and forgets that check's pings beyond the newest <see cref="Ping.KeptPerCheck"/>.</summary>
    Task AddPingAsync(Ping ping, CancellationToken ct = default);

    /// <summary>Pings of one check, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Ping>> PingsAsync(string check, int limit, CancellationToken ct = default);

    /// <summary>The newest ping of every check that has one, in one read (what <c>jaga status</c> and the overview show).</summary>
    Task<IReadOnlyDictionary<string, Ping>> LatestAsync(CancellationToken ct = default);
}
