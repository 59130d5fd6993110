using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Core.Storage.CheckHistoryText;
using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The check history in the SQLite file. A batch of results, with the hourly and daily aggregates they add to, is
/// one transaction under SQLite's write lock (<c>BEGIN IMMEDIATE</c>) with prepared statements, so reading an aggregate's
/// histogram and writing it back merged cannot race another writer.</summary>
/// <remarks>Aggregates are updated when results are recorded rather than built at compaction: a batch costs two small
/// upserts per check and hour it touches, and in return 7 d / 30 d uptime reads at most 720 hourly rows per check instead
/// of every raw result, compaction is nothing but chunked deletes (idempotent, and an interrupted one loses nothing), and
/// each tier is complete after its mark whatever the retention.</remarks>
internal sealed partial class SqliteCheckHistory(Func<CancellationToken, Task<SqliteConnection>> connect) : ICheckHistory
{
    private const string ResultColumns = "check_name, at_ms, outcome, duration_ms, reason";

    public async Task RecordAsync(IReadOnlyList<CheckResult> results, CancellationToken ct = default)
    {
        Results(results);
        if (results.Count == 0) return;
        await using var c = await connect(ct);
        // Results are history, not decisions: a power cut may lose the last batch (state changes stay synced).
        await LazyAsync(c, ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using (var insert = Command(c, tx, $"INSERT INTO check_results ({ResultColumns}) VALUES ($check, $at, $outcome, $duration, $reason)"))
        {
            var p = new[] { "$check", "$at", "$outcome", "$duration", "$reason" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var r in results)
            {
                p[0].Value = r.Check;
                p[1].Value = Ms(r.At);
                p[2].Value = r.Outcome.ToText();
                p[3].Value = DurationHistogram.ToMilliseconds(r.Duration);
                p[4].Value = r.Reason ?? "";
                await insert.ExecuteNonQueryAsync(ct);
            }
        }
        await AddAsync(c, tx, "check_hourly", Aggregate(results, HourMs), ct);
        await AddAsync(c, tx, "check_daily", Aggregate(results, DayMs), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Adds buckets to their stored rows: the histogram is read and merged here (the write lock is held), the sums in SQL.</summary>
    private static async Task AddAsync(SqliteConnection c, SqliteTransaction tx, string table, IReadOnlyList<HistoryBucket> buckets, CancellationToken ct)
    {
        using var read = Command(c, tx, $"SELECT histogram FROM {table} WHERE check_name = $check AND bucket_ms = $bucket");
        var rc = read.Parameters.Add("$check", SqliteType.Text);
        var rb = read.Parameters.Add("$bucket", SqliteType.Integer);
        read.Prepare();
        using var upsert = Command(c, tx, $"""
            INSERT INTO {table} (check_name, bucket_ms, count, passed, warnings, duration_sum_ms, duration_max_ms, histogram)
            VALUES ($check, $bucket, $count, $passed, $warnings, $sum, $max, $histogram)
            ON CONFLICT (check_name, bucket_ms) DO UPDATE SET
              count = count + excluded.count, passed = passed + excluded.passed, warnings = warnings + excluded.warnings,
              duration_sum_ms = duration_sum_ms + excluded.duration_sum_ms,
              duration_max_ms = max(duration_max_ms, excluded.duration_max_ms), histogram = excluded.histogram
            """);
        var p = new[] { "$check", "$bucket", "$count", "$passed", "$warnings", "$sum", "$max", "$histogram" }
            .Select(n => upsert.Parameters.Add(n, SqliteType.Text)).ToArray();
        upsert.Prepare();
        foreach (var b in buckets)
        {
            rc.Value = b.Check;
            rb.Value = b.StartMs;
            var histogram = b.Histogram.ToArray();
            if (await read.ExecuteScalarAsync(ct) is string stored) DurationHistogram.Merge(histogram, DurationHistogram.Parse(stored));
            p[0].Value = b.Check;
            p[1].Value = b.StartMs;
            p[2].Value = b.Count;
            p[3].Value = b.Passed;
            p[4].Value = b.Warnings;
            p[5].Value = b.SumMs;
            p[6].Value = b.MaxMs;
            p[7].Value = DurationHistogram.ToText(histogram);
            await upsert.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<CheckResult>> RecentAsync(string check, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {ResultColumns} FROM check_results WHERE check_name = $check ORDER BY at_ms DESC, id DESC LIMIT $limit");
        Add(q, "$check", check);
        Add(q, "$limit", limit);
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
            await using var c = await connect(ct);
            using var q = Command(c, null, $"""
                SELECT {ResultColumns} FROM (SELECT {ResultColumns}, id, row_number() OVER (PARTITION BY check_name ORDER BY at_ms DESC, id DESC) AS n
                  FROM check_results WHERE {InNames} AND at_ms >= $since)
                WHERE n <= $limit ORDER BY check_name, at_ms DESC, id DESC
                """);
            Add(q, "$names", System.Text.Json.JsonSerializer.Serialize(found.Keys.ToArray()));
            Add(q, "$since", Ms(since));
            Add(q, "$limit", limit);
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                found[r.GetString(0)].Add(ResultOf(r));
        }
        return Filled(found);
    }

    /// <summary>A row of <see cref="ResultColumns"/>.</summary>
    private static CheckResult ResultOf(SqliteDataReader r) =>
        new(r.GetString(0), Time(r.GetInt64(1)), ParseOutcome(r.GetString(2)), DurationHistogram.Milliseconds(r.GetDouble(3)), r.GetString(4));

    public async Task SaveStatesAsync(IReadOnlyList<CheckState> states, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) return;
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var upsert = Command(c, tx, """
            INSERT INTO check_states (check_name, status, since_ms, failures, successes, last_alert_ms, reason)
            VALUES ($check, $status, $since, $failures, $successes, $alert, $reason)
            ON CONFLICT (check_name) DO UPDATE SET status = excluded.status, since_ms = excluded.since_ms,
              failures = excluded.failures, successes = excluded.successes, last_alert_ms = excluded.last_alert_ms, reason = excluded.reason
            """);
        var p = new[] { "$check", "$status", "$since", "$failures", "$successes", "$alert", "$reason" }
            .Select(n => upsert.Parameters.Add(n, SqliteType.Text)).ToArray();
        upsert.Prepare();
        foreach (var s in states)
        {
            p[0].Value = s.Check;
            p[1].Value = s.Status.ToText();
            p[2].Value = Ms(s.Since);
            p[3].Value = s.Failures;
            p[4].Value = s.Successes;
            p[5].Value = s.LastAlertAt is { } at ? Ms(at) : DBNull.Value;
            p[6].Value = s.Reason ?? "";
            await upsert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<CheckState?> StateAsync(string check, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null,
            "SELECT check_name, status, since_ms, failures, successes, last_alert_ms, reason FROM check_states WHERE check_name = $check");
        q.Parameters.AddWithValue("$check", check);
        await using var r = await q.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new CheckState(r.GetString(0), ParseStatus(r.GetString(1)), Time(r.GetInt64(2)), r.GetInt32(3), r.GetInt32(4), Time(r, 5), r.GetString(6))
            : null;
    }

    public async Task<IReadOnlyList<CheckState>> StatesAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null,
            "SELECT check_name, status, since_ms, failures, successes, last_alert_ms, reason FROM check_states ORDER BY check_name");
        await using var r = await q.ExecuteReaderAsync(ct);
        var list = new List<CheckState>();
        while (await r.ReadAsync(ct))
            list.Add(new CheckState(r.GetString(0), ParseStatus(r.GetString(1)), Time(r.GetInt64(2)), r.GetInt32(3), r.GetInt32(4),
                Time(r, 5), r.GetString(6)));
        return list;
    }

    public async Task<HistorySize> SizeAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null,
            "SELECT (SELECT count(*) FROM check_results), (SELECT count(*) FROM check_hourly), (SELECT count(*) FROM check_daily)");
        await using var r = await q.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new HistorySize(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }
}
