using System.Text.Json;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Core.Storage.CheckHistoryText;
using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Uptime and p95: a few grouped statements over the aggregate tier that answers each period, and for one check
/// the exact 24 h figures from raw results while they cover the day.</summary>
internal sealed partial class SqliteCheckHistory
{
    /// <summary>The check names of a statement, as a JSON array read by <c>json_each</c>.</summary>
    private const string InNames = "check_name IN (SELECT value FROM json_each($names))";

    public async Task<CheckUptime> UptimeAsync(string check, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        await using var c = await connect(ct);
        var marks = await MarksAsync(c, null, ct);
        var tally = (await TallyAsync(c, marks, [check], now, ct))[check];
        var nowMs = Ms(now);
        var fromMs = nowMs - DayMs;
        if (marks.RawMs > fromMs) return tally.ToUptime();

        using (var q = Command(c, null, $"""
            SELECT count(*), coalesce(sum(outcome <> 'down'), 0) FROM check_results
            WHERE check_name = $check AND at_ms > $from AND at_ms <= $now
            """))
        {
            Window(q, check, fromMs, nowMs);
            await using var r = await q.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            (tally.DayCount, tally.DayPassed, tally.Exact) = (r.GetInt64(0), r.GetInt64(1), true);
        }
        if (tally.DayCount > 0)
        {
            using var q = Command(c, null, """
                SELECT duration_ms FROM check_results WHERE check_name = $check AND at_ms > $from AND at_ms <= $now
                ORDER BY duration_ms LIMIT 1 OFFSET $offset
                """);
            Window(q, check, fromMs, nowMs);
            Add(q, "$offset", P95Offset(tally.DayCount));
            tally.ExactP95 = DurationHistogram.Milliseconds(Convert.ToDouble(await q.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture));
        }
        return tally.ToUptime();
    }

    public async Task<IReadOnlyDictionary<string, CheckUptime>> UptimeManyAsync(IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await using var c = await connect(ct);
        var marks = await MarksAsync(c, null, ct);
        var tallies = await TallyAsync(c, marks, checks, now, ct);
        return tallies.ToDictionary(t => t.Key, t => t.Value.ToUptime(), StringComparer.Ordinal);
    }

    private static void Window(SqliteCommand q, string check, long fromMs, long nowMs)
    {
        Add(q, "$check", check);
        Add(q, "$from", fromMs);
        Add(q, "$now", nowMs);
    }

    private static async Task<Dictionary<string, UptimeTally>> TallyAsync(
        SqliteConnection c, HistoryMarks marks, IReadOnlyList<string> checks, DateTimeOffset now, CancellationToken ct)
    {
        var tallies = checks.Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => new UptimeTally(), StringComparer.Ordinal);
        if (tallies.Count == 0) return tallies;
        var names = JsonSerializer.Serialize(tallies.Keys.ToArray());
        var nowMs = Ms(now);

        var dayFrom = nowMs - DayMs;
        using (var q = Command(c, null, $"""
            SELECT check_name, count, passed, duration_max_ms, histogram FROM {Table(Tier(marks, dayFrom))}
            WHERE {InNames} AND bucket_ms > $from AND bucket_ms <= $now
            """))
        {
            Add(q, "$names", names);
            Add(q, "$from", dayFrom);
            Add(q, "$now", nowMs);
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var t = tallies[r.GetString(0)];
                t.DayCount += r.GetInt64(1);
                t.DayPassed += r.GetInt64(2);
                t.DayMaxMs = Math.Max(t.DayMaxMs, r.GetDouble(3));
                DurationHistogram.Merge(t.DayHistogram, DurationHistogram.Parse(r.GetString(4)));
            }
        }
        foreach (var (period, set) in new (TimeSpan, Action<UptimeTally, long, long>)[]
                 {
                     (Week, (t, n, p) => (t.WeekCount, t.WeekPassed) = (n, p)),
                     (Month, (t, n, p) => (t.MonthCount, t.MonthPassed) = (n, p)),
                 })
        {
            var from = nowMs - (long)period.TotalMilliseconds;
            using var q = Command(c, null, $"""
                SELECT check_name, sum(count), sum(passed) FROM {Table(Tier(marks, from))}
                WHERE {InNames} AND bucket_ms > $from AND bucket_ms <= $now GROUP BY check_name
                """);
            Add(q, "$names", names);
            Add(q, "$from", from);
            Add(q, "$now", nowMs);
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) set(tallies[r.GetString(0)], r.GetInt64(1), r.GetInt64(2));
        }
        return tallies;
    }

    private static string Table(HistoryTier tier) => tier == HistoryTier.Hourly ? "check_hourly" : "check_daily";
}
