using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Core.Storage.CheckHistoryText;
using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Compaction: raise the marks first (so no reader takes a tier being deleted for complete), then delete each tier
/// in chunks of at most <see cref="CheckHistoryText.Chunk"/> rows, each chunk its own short write transaction so the
/// check loop's inserts get the lock between chunks. Pages freed are reused by later inserts, so the file stops growing.</summary>
internal sealed partial class SqliteCheckHistory
{
    public async Task<HistoryCompaction> CompactAsync(HistoryRetention retention, DateTimeOffset now, CancellationToken ct = default)
    {
        var cuts = Cuts(retention, now);
        await using var c = await connect(ct);
        HistoryMarks marks;
        await using (var tx = c.BeginTransaction(deferred: false))
        {
            using var raise = Command(c, tx, """
                INSERT INTO check_history_marks (tier, until_ms) VALUES ($tier, $until)
                ON CONFLICT (tier) DO UPDATE SET until_ms = max(until_ms, excluded.until_ms)
                """);
            var tier = raise.Parameters.Add("$tier", SqliteType.Text);
            var until = raise.Parameters.Add("$until", SqliteType.Integer);
            foreach (var (name, ms) in new[] { ("raw", cuts.RawMs), ("hourly", cuts.HourlyMs), ("daily", cuts.DailyMs) })
            {
                (tier.Value, until.Value) = (name, ms);
                await raise.ExecuteNonQueryAsync(ct);
            }
            marks = await MarksAsync(c, tx, ct);
            await tx.CommitAsync(ct);
        }
        var raw = await DeleteAsync(c, $"DELETE FROM check_results WHERE id IN (SELECT id FROM check_results WHERE at_ms < $cut LIMIT {Chunk})", marks.RawMs, ct);
        var hourly = await DeleteAsync(c, Buckets("check_hourly"), marks.HourlyMs, ct);
        var daily = await DeleteAsync(c, Buckets("check_daily"), marks.DailyMs, ct);
        return new HistoryCompaction(raw, hourly, daily);
    }

    private static string Buckets(string table) =>
        $"DELETE FROM {table} WHERE (check_name, bucket_ms) IN (SELECT check_name, bucket_ms FROM {table} WHERE bucket_ms <= $cut LIMIT {Chunk})";

    private static async Task<long> DeleteAsync(SqliteConnection c, string sql, long cut, CancellationToken ct)
    {
        using var delete = Command(c, null, sql);
        Add(delete, "$cut", cut);
        long total = 0;
        while (true)
        {
            var n = await delete.ExecuteNonQueryAsync(ct);
            total += n;
            if (n < Chunk) return total;
        }
    }

    private static async Task<HistoryMarks> MarksAsync(SqliteConnection c, SqliteTransaction? tx, CancellationToken ct)
    {
        using var q = Command(c, tx, "SELECT tier, until_ms FROM check_history_marks");
        await using var r = await q.ExecuteReaderAsync(ct);
        var marks = HistoryMarks.None;
        while (await r.ReadAsync(ct))
            marks = r.GetString(0) switch
            {
                "raw" => marks with { RawMs = r.GetInt64(1) },
                "hourly" => marks with { HourlyMs = r.GetInt64(1) },
                "daily" => marks with { DailyMs = r.GetInt64(1) },
                var other => throw new FormatException($"'{other}' is not a check history tier"),
            };
        return marks;
    }
}
