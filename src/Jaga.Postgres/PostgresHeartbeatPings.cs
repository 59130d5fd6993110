using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;
using NpgsqlTypes;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The heartbeat pings in the PostgreSQL database.</summary>
internal sealed class PostgresHeartbeatPings(NpgsqlDataSource dataSource) : IHeartbeatPings
{
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
        // Bounded: a flood of pings replaces old ones instead of growing the table.
        await using var prune = dataSource.CreateCommand(
            "DELETE FROM pings WHERE check_name = $1 AND id NOT IN (SELECT id FROM pings WHERE check_name = $1 ORDER BY at DESC, id DESC LIMIT $2)");
        prune.Parameters.Add(Text(ping.Check));
        prune.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Ping.KeptPerCheck });
        await prune.ExecuteNonQueryAsync(ct);
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

    public async Task<IReadOnlyDictionary<string, Ping>> LatestAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            "SELECT DISTINCT ON (check_name) check_name, kind, exit_code, at, via FROM pings ORDER BY check_name, at DESC, id DESC");
        await using var r = await q.ExecuteReaderAsync(ct);
        var latest = new Dictionary<string, Ping>(StringComparer.Ordinal);
        while (await r.ReadAsync(ct))
            latest[r.GetString(0)] = new Ping(r.GetString(0), JobLedgerText.ParsePingKind(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2),
                r.GetFieldValue<DateTimeOffset>(3), r.GetString(4));
        return latest;
    }
}
