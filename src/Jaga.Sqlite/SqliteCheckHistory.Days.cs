using System.Text.Json;
using Jaga.Core.Monitoring;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Uptime per local day: the hourly tier summed per day by one grouped statement per run of equal days, and the
/// daily tier's rows where the hourly one was compacted (<see cref="UptimeDays"/> decides which).</summary>
internal sealed partial class SqliteCheckHistory
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DayUptime>>> DailyUptimeAsync(
        IReadOnlyList<string> checks, DateTimeOffset now, TimeZoneInfo zone, int days, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await using var c = await connect(ct);
        var window = UptimeDays.Of(now, zone, days, await MarksAsync(c, null, ct));
        var tally = new UptimeDays.Tally(window, checks);
        if (checks.Count == 0) return tally.Result();
        var names = JsonSerializer.Serialize(checks.Distinct(StringComparer.Ordinal).ToArray());
        foreach (var span in window.HourlySpans())
        {
            using var q = Command(c, null, $"""
                SELECT check_name, $first + (bucket_ms - $anchor) / $length AS day, sum(count), sum(passed) FROM check_hourly
                WHERE {InNames} AND bucket_ms >= $from AND bucket_ms < $to GROUP BY check_name, day
                """);
            Add(q, "$names", names);
            Add(q, "$first", span.FirstDay);
            Add(q, "$anchor", span.AnchorMs);
            Add(q, "$length", span.LengthMs);
            Add(q, "$from", span.FromMs);
            Add(q, "$to", span.ToMs);
            await ReadAsync(q, (check, day, n, passed) => tally.Add(check, day, n, passed, daily: false), ct);
        }
        var (dailyFrom, dailyTo) = window.DailyWindow();
        if (dailyTo > dailyFrom)
        {
            using var q = Command(c, null, $"SELECT check_name, bucket_ms, count, passed FROM check_daily WHERE {InNames} AND bucket_ms >= $from AND bucket_ms < $to");
            Add(q, "$names", names);
            Add(q, "$from", dailyFrom);
            Add(q, "$to", dailyTo);
            await ReadAsync(q, (check, start, n, passed) => tally.Add(check, window.DayOfDailyBucket(start), n, passed, daily: true), ct);
        }
        return tally.Result();
    }

    private static async Task ReadAsync(SqliteCommand q, Action<string, long, long, long> row, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) row(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }
}
