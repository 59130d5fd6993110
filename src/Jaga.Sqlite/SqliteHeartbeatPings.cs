using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The heartbeat pings in the SQLite file.</summary>
internal sealed class SqliteHeartbeatPings(Func<CancellationToken, Task<SqliteConnection>> connect) : IHeartbeatPings
{
    public async Task AddPingAsync(Ping ping, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ping);
        await using var c = await connect(ct);
        using var insert = Command(c, null, "INSERT INTO pings (check_name, kind, exit_code, at_ms, via) VALUES ($check, $kind, $exit, $at, $via)");
        Add(insert, "$check", ping.Check);
        Add(insert, "$kind", ping.Kind.ToText());
        Add(insert, "$exit", ping.ExitCode);
        Add(insert, "$at", Ms(ping.At));
        Add(insert, "$via", ping.Via);
        await insert.ExecuteNonQueryAsync(ct);
        // Bounded: a flood of pings replaces old ones instead of growing the file.
        using var prune = Command(c, null,
            "DELETE FROM pings WHERE check_name = $check AND id NOT IN (SELECT id FROM pings WHERE check_name = $check ORDER BY at_ms DESC, id DESC LIMIT $keep)");
        Add(prune, "$check", ping.Check);
        Add(prune, "$keep", Ping.KeptPerCheck);
        await prune.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Ping>> PingsAsync(string check, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        // Pings of one millisecond keep the order they arrived in.
        using var q = Command(c, null,
            "SELECT check_name, kind, exit_code, at_ms, via FROM pings WHERE check_name = $check ORDER BY at_ms DESC, id DESC LIMIT $limit");
        Add(q, "$check", check);
        Add(q, "$limit", limit);
        await using var r = await q.ExecuteReaderAsync(ct);
        var pings = new List<Ping>();
        while (await r.ReadAsync(ct))
            pings.Add(new Ping(r.GetString(0), JobLedgerText.ParsePingKind(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                Time(r.GetInt64(3)), r.GetString(4)));
        return pings;
    }

    public async Task<IReadOnlyDictionary<string, Ping>> LatestAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        // Each check keeps at most Ping.KeptPerCheck pings, so the window reads a bounded table.
        using var q = Command(c, null, """
            SELECT check_name, kind, exit_code, at_ms, via FROM (
              SELECT *, row_number() OVER (PARTITION BY check_name ORDER BY at_ms DESC, id DESC) AS n FROM pings) WHERE n = 1
            """);
        await using var r = await q.ExecuteReaderAsync(ct);
        var latest = new Dictionary<string, Ping>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
            latest[r.GetString(0)] = new Ping(r.GetString(0), JobLedgerText.ParsePingKind(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                Time(r.GetInt64(3)), r.GetString(4));
        return latest;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
