using Jaga.Core.Ports;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The nodes in the PostgreSQL database: one row per <c>jaga run</c> process on any host, refreshed by its beats.</summary>
internal sealed class PostgresNodeRegistry(NpgsqlDataSource dataSource) : INodeRegistry
{
    private const string NodeColumns = "id, host, pid, version, started_at, last_seen, plan_sha256, stopped_at";

    public async Task BeatAsync(NodeInfo node, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        // A beat that was in flight when the node stopped must not make it look alive again: stopped_at is kept.
        await using var upsert = dataSource.CreateCommand($"""
            INSERT INTO nodes ({NodeColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET
              host = excluded.host, pid = excluded.pid, version = excluded.version, started_at = excluded.started_at,
              last_seen = excluded.last_seen, plan_sha256 = excluded.plan_sha256,
              stopped_at = coalesce(excluded.stopped_at, nodes.stopped_at)
            """);
        upsert.Parameters.Add(Text(node.Id));
        upsert.Parameters.Add(Text(node.Host));
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = node.Pid });
        upsert.Parameters.Add(Text(node.Version));
        upsert.Parameters.Add(Time(node.StartedAt));
        upsert.Parameters.Add(Time(node.LastSeen));
        upsert.Parameters.Add(Text(node.PlanSha256));
        upsert.Parameters.Add(Time(node.StoppedAt));
        await upsert.ExecuteNonQueryAsync(ct);
    }

    public async Task NodeStoppedAsync(string node, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var update = dataSource.CreateCommand("UPDATE nodes SET stopped_at = $1 WHERE id = $2");
        update.Parameters.Add(Time(at));
        update.Parameters.Add(Text(node));
        await update.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<NodeInfo>> NodesAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {NodeColumns} FROM nodes ORDER BY last_seen DESC, id");
        await using var r = await q.ExecuteReaderAsync(ct);
        var nodes = new List<NodeInfo>();
        while (await r.ReadAsync(ct))
            nodes.Add(new NodeInfo(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.GetFieldValue<DateTimeOffset>(5), r.GetString(6), Time(r, 7)));
        return nodes;
    }
}
