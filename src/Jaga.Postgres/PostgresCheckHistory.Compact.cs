using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Core.Storage.CheckHistoryText;
using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Compaction: raise the marks first (so no reader takes a tier being deleted for complete), then delete each tier
/// in chunks of at most <see cref="CheckHistoryText.Chunk"/> rows, each chunk its own short transaction.</summary>
internal sealed partial class PostgresCheckHistory
{
    public async Task<HistoryCompaction> CompactAsync(HistoryRetention retention, DateTimeOffset now, CancellationToken ct = default)
    {
        var cuts = Cuts(retention, now);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        HistoryMarks marks;
        await using (var tx = await c.BeginTransactionAsync(ct))
        {
            await using (var batch = new NpgsqlBatch(c, tx))
            {
                foreach (var (name, ms) in new[] { ("raw", cuts.RawMs), ("hourly", cuts.HourlyMs), ("daily", cuts.DailyMs) })
                    batch.BatchCommands.Add(Statement("""
                        INSERT INTO check_history_marks (tier, until) VALUES ($1, $2)
                        ON CONFLICT (tier) DO UPDATE SET until = greatest(check_history_marks.until, excluded.until)
                        """, Text(name), Bucket(ms)));
                await batch.ExecuteNonQueryAsync(ct);
            }
            marks = await MarksAsync(c, tx, ct);
            await tx.CommitAsync(ct);
        }
        var raw = await DeleteAsync(c, $"DELETE FROM check_results WHERE id IN (SELECT id FROM check_results WHERE at < $1 LIMIT {Chunk})", marks.RawMs, ct);
        var hourly = await DeleteAsync(c, Buckets("check_hourly"), marks.HourlyMs, ct);
        var daily = await DeleteAsync(c, Buckets("check_daily"), marks.DailyMs, ct);
        return new HistoryCompaction(raw, hourly, daily);
    }

    private static string Buckets(string table) =>
        $"DELETE FROM {table} WHERE (check_name, bucket_start) IN (SELECT check_name, bucket_start FROM {table} WHERE bucket_start <= $1 LIMIT {Chunk})";

    private static async Task<long> DeleteAsync(NpgsqlConnection c, string sql, long cutMs, CancellationToken ct)
    {
        long total = 0;
        while (true)
        {
            await using var delete = new NpgsqlCommand(sql, c);
            delete.Parameters.Add(Bucket(cutMs));
            var n = await delete.ExecuteNonQueryAsync(ct);
            total += n;
            if (n < Chunk) return total;
        }
    }

    private static async Task<HistoryMarks> MarksAsync(NpgsqlConnection c, NpgsqlTransaction? tx, CancellationToken ct)
    {
        await using var q = new NpgsqlCommand("SELECT tier, until FROM check_history_marks", c, tx);
        await using var r = await q.ExecuteReaderAsync(ct);
        var marks = HistoryMarks.None;
        while (await r.ReadAsync(ct))
        {
            var ms = r.GetFieldValue<DateTimeOffset>(1).ToUnixTimeMilliseconds();
            marks = r.GetString(0) switch
            {
                "raw" => marks with { RawMs = ms },
                "hourly" => marks with { HourlyMs = ms },
                "daily" => marks with { DailyMs = ms },
                var other => throw new FormatException($"'{other}' is not a check history tier"),
            };
        }
        return marks;
    }
}
