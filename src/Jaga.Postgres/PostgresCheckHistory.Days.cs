using Jaga.Core.Monitoring;
using Npgsql;
using NpgsqlTypes;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Uptime per local day: the hourly tier summed per day by one grouped statement per run of equal days, and the
/// daily tier's rows where the hourly one was compacted (<see cref="UptimeDays"/> decides which).</summary>
internal sealed partial class PostgresCheckHistory
{
    /// <summary>A bucket's start in milliseconds since the epoch.</summary>
    private const string StartMs = "(extract(epoch FROM bucket_start) * 1000)::bigint";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<DayUptime>>> DailyUptimeAsync(
        IReadOnlyList<string> checks, DateTimeOffset now, TimeZoneInfo zone, int days, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var window = UptimeDays.Of(now, zone, days, await MarksAsync(c, null, ct));
        var tally = new UptimeDays.Tally(window, checks);
        if (checks.Count == 0) return tally.Result();
        var names = checks.Distinct(StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(c);
        var spans = window.HourlySpans();
        foreach (var span in spans)
            batch.BatchCommands.Add(Statement($"""
                SELECT check_name, $2 + ({StartMs} - $3) / $4 AS day, sum(count)::bigint, sum(passed)::bigint FROM check_hourly
                WHERE check_name = ANY($1) AND bucket_start >= $5 AND bucket_start < $6 GROUP BY check_name, day
                """, Array(names, NpgsqlDbType.Text), Bigint(span.FirstDay), Bigint(span.AnchorMs), Bigint(span.LengthMs), Bucket(span.FromMs), Bucket(span.ToMs)));
        var (dailyFrom, dailyTo) = window.DailyWindow();
        if (dailyTo > dailyFrom)
            batch.BatchCommands.Add(Statement($"""
                SELECT check_name, {StartMs}, count::bigint, passed::bigint FROM check_daily
                WHERE check_name = ANY($1) AND bucket_start >= $2 AND bucket_start < $3
                """, Array(names, NpgsqlDbType.Text), Bucket(dailyFrom), Bucket(dailyTo)));
        if (batch.BatchCommands.Count == 0) return tally.Result();
        await using var r = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            var daily = i == spans.Count;
            while (await r.ReadAsync(ct))
            {
                var (check, at, n, passed) = (r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
                tally.Add(check, daily ? window.DayOfDailyBucket(at) : at, n, passed, daily);
            }
            await r.NextResultAsync(ct);
        }
        return tally.Result();
    }
}
