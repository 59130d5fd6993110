using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Npgsql;
using NpgsqlTypes;

namespace Jaga.Postgres;

/// <summary>The ledger's nodes and heartbeat pings, and the helpers its runs share.</summary>
internal sealed partial class PostgresJobLedger
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

    public async Task AddPingAsync(Ping ping, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ping);
        await using var insert = dataSource.CreateCommand("INSERT INTO pings (check_name, kind, exit_code, at, via) VALUES ($1, $2, $3, $4, $5)");
        insert.Parameters.Add(Text(ping.Check));
        insert.Parameters.Add(Text(ping.Kind.ToText()));
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = (object?)ping.ExitCode ?? DBNull.Value });
        insert.Parameters.Add(Time(ping.At));
        insert.Parameters.Add(Text(ping.Via));
        await insert.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<Ping>> PingsAsync(string check, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Pings of one millisecond keep the order they arrived in.
        await using var q = dataSource.CreateCommand(
            "SELECT check_name, kind, exit_code, at, via FROM pings WHERE check_name = $1 ORDER BY at DESC, id DESC LIMIT $2");
        q.Parameters.Add(Text(check));
        q.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var r = await q.ExecuteReaderAsync(ct);
        var pings = new List<Ping>();
        while (await r.ReadAsync(ct))
            pings.Add(new Ping(r.GetString(0), JobLedgerText.ParsePingKind(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetFieldValue<DateTimeOffset>(3), r.GetString(4)));
        return pings;
    }

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter<long> Id(long id) => new() { TypedValue = id };

    /// <summary>UTC at millisecond precision, as the catalog keeps times, so both stores return the same value.</summary>
    private static NpgsqlParameter Time(DateTimeOffset? value) => new()
    {
        NpgsqlDbType = NpgsqlDbType.TimestampTz,
        Value = value is { } t ? AuditEntry.ToMilliseconds(t) : DBNull.Value,
    };

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
