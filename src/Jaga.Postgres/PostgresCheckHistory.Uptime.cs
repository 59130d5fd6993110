using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;
using NpgsqlTypes;

using static Jaga.Core.Storage.CheckHistoryText;
using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Uptime and p95: a few grouped statements over the aggregate tier that answers each period, and for one check
/// the exact 24 h figures (<c>percentile_disc</c>, the nearest rank) from raw results while they cover the day.</summary>
internal sealed partial class PostgresCheckHistory
{
    public async Task<CheckUptime> UptimeAsync(string check, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var marks = await MarksAsync(c, null, ct);
        var tally = (await TallyAsync(c, marks, [check], now, ct))[check];
        var nowMs = Ms(now);
        var fromMs = nowMs - DayMs;
        if (marks.RawMs > fromMs) return tally.ToUptime();

        await using var q = new NpgsqlCommand("""
            SELECT count(*), count(*) FILTER (WHERE outcome <> 'down'), percentile_disc(0.95) WITHIN GROUP (ORDER BY duration_ms)
            FROM check_results WHERE check_name = $1 AND at > $2 AND at <= $3
            """, c);
        q.Parameters.Add(Text(check));
        q.Parameters.Add(Bucket(fromMs));
        q.Parameters.Add(Bucket(nowMs));
        await using var r = await q.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        (tally.DayCount, tally.DayPassed, tally.Exact) = (r.GetInt64(0), r.GetInt64(1), true);
        tally.ExactP95 = r.IsDBNull(2) ? null : DurationHistogram.Milliseconds(r.GetDouble(2));
        return tally.ToUptime();
    }

    public async Task<IReadOnlyDictionary<string, CheckUptime>> UptimeManyAsync(IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var marks = await MarksAsync(c, null, ct);
        var tallies = await TallyAsync(c, marks, checks, now, ct);
        return tallies.ToDictionary(t => t.Key, t => t.Value.ToUptime(), StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, UptimeTally>> TallyAsync(
        NpgsqlConnection c, HistoryMarks marks, IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct)
    {
        var tallies = checks.Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => new UptimeTally(), StringComparer.Ordinal);
        if (tallies.Count == 0) return tallies;
        var names = tallies.Keys.ToArray();
        var nowMs = Ms(now);
        var (dayFrom, weekFrom, monthFrom) = (nowMs - DayMs, nowMs - (long)Week.TotalMilliseconds, nowMs - (long)Month.TotalMilliseconds);

        // One round trip: the day's buckets with their histograms, then the week's and the month's sums.
        await using var batch = new NpgsqlBatch(c);
        batch.BatchCommands.Add(Statement($"""
            SELECT check_name, count, passed, duration_max_ms, histogram FROM {Table(Tier(marks, dayFrom))}
            WHERE check_name = ANY($1) AND bucket_start > $2 AND bucket_start <= $3
            """, Array(names, NpgsqlDbType.Text), Bucket(dayFrom), Bucket(nowMs)));
        foreach (var from in new[] { weekFrom, monthFrom })
            batch.BatchCommands.Add(Statement($"""
                SELECT check_name, sum(count)::bigint, sum(passed)::bigint FROM {Table(Tier(marks, from))}
                WHERE check_name = ANY($1) AND bucket_start > $2 AND bucket_start <= $3 GROUP BY check_name
                """, Array(names, NpgsqlDbType.Text), Bucket(from), Bucket(nowMs)));
        await using var r = await batch.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var t = tallies[r.GetString(0)];
            t.DayCount += r.GetInt64(1);
            t.DayPassed += r.GetInt64(2);
            t.DayMaxMs = Math.Max(t.DayMaxMs, r.GetDouble(3));
            DurationHistogram.Merge(t.DayHistogram, r.GetFieldValue<long[]>(4));
        }
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) (tallies[r.GetString(0)].WeekCount, tallies[r.GetString(0)].WeekPassed) = (r.GetInt64(1), r.GetInt64(2));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) (tallies[r.GetString(0)].MonthCount, tallies[r.GetString(0)].MonthPassed) = (r.GetInt64(1), r.GetInt64(2));
        return tallies;
    }

    private static string Table(HistoryTier tier) => tier == HistoryTier.Hourly ? "check_hourly" : "check_daily";
}
