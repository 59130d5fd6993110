using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The nodes in the SQLite file: one row per <c>jaga run</c> process, refreshed by its beats.</summary>
internal sealed class SqliteNodeRegistry(Func<CancellationToken, Task<SqliteConnection>> connect) : INodeRegistry
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

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
