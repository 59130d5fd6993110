using Jaga.Core.Ledger;
using Jaga.Core.Ports;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The ledger's nodes and heartbeat pings, and the helpers its runs share.</summary>
internal sealed partial class SqliteJobLedger
{
    private const string NodeColumns = "id, host, pid, version, started_at_ms, last_seen_ms, plan_sha256, stopped_at_ms";

    public async Task BeatAsync(NodeInfo node, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        await using var c = await connect(ct);
        // A beat that was in flight when the node stopped must not make it look alive again: stopped_at is kept.
        using var upsert = Command(c, null, $"""
            INSERT INTO nodes ({NodeColumns}) VALUES ($id, $host, $pid, $version, $started, $seen, $plan, $stopped)
            ON CONFLICT (id) DO UPDATE SET
              host = excluded.host, pid = excluded.pid, version = excluded.version, started_at_ms = excluded.started_at_ms,
              last_seen_ms = excluded.last_seen_ms, plan_sha256 = excluded.plan_sha256,
              stopped_at_ms = coalesce(excluded.stopped_at_ms, nodes.stopped_at_ms)
            """);
        Add(upsert, "$id", node.Id);
        Add(upsert, "$host", node.Host);
        Add(upsert, "$pid", node.Pid);
        Add(upsert, "$version", node.Version);
        Add(upsert, "$started", Ms(node.StartedAt));
        Add(upsert, "$seen", Ms(node.LastSeen));
        Add(upsert, "$plan", node.PlanSha256);
        Add(upsert, "$stopped", node.StoppedAt is { } stopped ? Ms(stopped) : null);
        await upsert.ExecuteNonQueryAsync(ct);
    }

    public async Task NodeStoppedAsync(string node, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var update = Command(c, null, "UPDATE nodes SET stopped_at_ms = $at WHERE id = $id");
        Add(update, "$at", Ms(at));
        Add(update, "$id", node);
        await update.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<NodeInfo>> NodesAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {NodeColumns} FROM nodes ORDER BY last_seen_ms DESC, id");
        await using var r = await q.ExecuteReaderAsync(ct);
        var nodes = new List<NodeInfo>();
        while (await r.ReadAsync(ct))
            nodes.Add(new NodeInfo(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), Time(r.GetInt64(4)), Time(r.GetInt64(5)),
                r.GetString(6), Time(r, 7)));
        return nodes;
    }

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

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
