using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;
using NpgsqlTypes;

using static Jaga.Core.Storage.CheckHistoryText;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The check history in the PostgreSQL database. A batch of results is one round trip and one transaction: the raw
/// rows in one <c>INSERT … SELECT unnest(…)</c>, then one upsert per check and hour (and day) that adds counts, sums and the
/// histogram element by element in SQL, so writers on several nodes never lose each other's counts.</summary>
/// <remarks>Aggregates are updated when results are recorded rather than built at compaction, for the reasons given on
/// <see cref="ICheckHistory"/>: cheap 7 d / 30 d uptime, and a compaction that only deletes.</remarks>
internal sealed partial class PostgresCheckHistory(NpgsqlDataSource dataSource) : ICheckHistory
{
    private const string ResultColumns = "check_name, at, outcome, duration_ms, reason";

    public async Task RecordAsync(IReadOnlyList<CheckResult> results, CancellationToken ct = default)
    {
        Results(results);
        if (results.Count == 0) return;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            // Results are history, not decisions: the commit does not wait for the WAL flush (state changes still do).
            batch.BatchCommands.Add(Statement("SET LOCAL synchronous_commit = off"));
            batch.BatchCommands.Add(Statement(
                $"INSERT INTO check_results ({ResultColumns}) SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::float8[], $5::text[])",
                Array(results.Select(r => r.Check).ToArray(), NpgsqlDbType.Text),
                Array(results.Select(r => DateTimeOffset.FromUnixTimeMilliseconds(Ms(r.At))).ToArray(), NpgsqlDbType.TimestampTz),
                Array(results.Select(r => r.Outcome.ToText()).ToArray(), NpgsqlDbType.Text),
                Array(results.Select(r => DurationHistogram.ToMilliseconds(r.Duration)).ToArray(), NpgsqlDbType.Double),
                Array(results.Select(r => r.Reason ?? "").ToArray(), NpgsqlDbType.Text)));
            foreach (var (table, size) in new[] { ("check_hourly", HourMs), ("check_daily", DayMs) })
                foreach (var b in Aggregate(results, size))
                    batch.BatchCommands.Add(Statement($"""
                        INSERT INTO {table} (check_name, bucket_start, count, passed, warnings, duration_sum_ms, duration_max_ms, histogram)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                        ON CONFLICT (check_name, bucket_start) DO UPDATE SET
                          count = {table}.count + excluded.count, passed = {table}.passed + excluded.passed,
                          warnings = {table}.warnings + excluded.warnings,
                          duration_sum_ms = {table}.duration_sum_ms + excluded.duration_sum_ms,
                          duration_max_ms = greatest({table}.duration_max_ms, excluded.duration_max_ms),
                          histogram = ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0)
                                            FROM unnest({table}.histogram, excluded.histogram) WITH ORDINALITY AS h(x, y, i) ORDER BY i)
                        """,
                        Text(b.Check), Bucket(b.StartMs), Long(b.Count), Long(b.Passed), Long(b.Warnings), Double(b.SumMs), Double(b.MaxMs),
                        Array(b.Histogram, NpgsqlDbType.Bigint)));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<CheckResult>> RecentAsync(string check, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var q = dataSource.CreateCommand($"SELECT {ResultColumns} FROM check_results WHERE check_name = $1 ORDER BY at DESC, id DESC LIMIT $2");
        q.Parameters.Add(Text(check));
        q.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<CheckResult>();
        while (await r.ReadAsync(ct))
            list.Add(ResultOf(r));
        return list;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<CheckResult>>> RecentManyAsync(
        IReadOnlyList<string> checks, DateTimeOffset since, int limit, CancellationToken ct = default)
    {
        var found = RecentLists(checks, limit);
        if (found.Count > 0)
        {
            await using var q = dataSource.CreateCommand($"""
                SELECT {ResultColumns} FROM (SELECT {ResultColumns}, id, row_number() OVER (PARTITION BY check_name ORDER BY at DESC, id DESC) AS n
                  FROM check_results WHERE check_name = ANY($1) AND at >= $2) AS recent
                WHERE n <= $3 ORDER BY check_name, at DESC, id DESC
                """);
            q.Parameters.Add(Array(found.Keys.ToArray(), NpgsqlDbType.Text));
            q.Parameters.Add(Time(since));
            q.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                found[r.GetString(0)].Add(ResultOf(r));
        }
        return Filled(found);
    }

    /// <summary>A row of <see cref="ResultColumns"/>.</summary>
    private static CheckResult ResultOf(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), ParseOutcome(r.GetString(2)), DurationHistogram.Milliseconds(r.GetDouble(3)), r.GetString(4));

    public async Task SaveStatesAsync(IReadOnlyList<CheckState> states, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) return;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            foreach (var s in states)
                batch.BatchCommands.Add(Statement("""
                    INSERT INTO check_states (check_name, status, since, failures, successes, last_alert_at, reason)
                    VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (check_name) DO UPDATE SET status = excluded.status, since = excluded.since, failures = excluded.failures,
                      successes = excluded.successes, last_alert_at = excluded.last_alert_at, reason = excluded.reason
                    """,
                    Text(s.Check), Text(s.Status.ToText()), Time(s.Since), new NpgsqlParameter<int> { TypedValue = s.Failures },
                    new NpgsqlParameter<int> { TypedValue = s.Successes }, Time(s.LastAlertAt), Text(s.Reason ?? "")));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<CheckState?> StateAsync(string check, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            "SELECT check_name, status, since, failures, successes, last_alert_at, reason FROM check_states WHERE check_name = $1");
        q.Parameters.Add(Text(check));
        await using var r = await q.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new CheckState(r.GetString(0), ParseStatus(r.GetString(1)), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetString(6))
            : null;
    }

    public async Task<IReadOnlyList<CheckState>> StatesAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            "SELECT check_name, status, since, failures, successes, last_alert_at, reason FROM check_states ORDER BY check_name COLLATE \"C\"");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<CheckState>();
        while (await r.ReadAsync(ct))
            list.Add(new CheckState(r.GetString(0), ParseStatus(r.GetString(1)), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.GetString(6)));
        return list;
    }

    public async Task<HistorySize> SizeAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM check_results), (SELECT count(*) FROM check_hourly), (SELECT count(*) FROM check_daily)");
        await using var r = await q.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new HistorySize(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    private static NpgsqlParameter<long> Long(long value) => new() { TypedValue = value };

    private static NpgsqlParameter<double> Double(double value) => new() { TypedValue = value };

    private static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType type) => new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };

    /// <summary>A bucket start (or any time) given in milliseconds since the epoch.</summary>
    private static NpgsqlParameter Bucket(long ms) => Time(DateTimeOffset.FromUnixTimeMilliseconds(ms));
}
