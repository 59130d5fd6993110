using System.Globalization;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Advisories;

public sealed partial class SqliteAdvisoryDatabase
{
    public Task<AdvisoryImport?> ImportAsync(IEnumerable<OsvRecord> records, string source, CancellationToken ct) => Guard(async () =>
    {
        await using var c = await ConnectAsync(ct);
        // An import writes a few hundred megabytes at most once a day: fewer syncs, and the journal stays on disk.
        await Execute(c, null, "PRAGMA synchronous = NORMAL", ct);
        await using var tx = (SqliteTransaction)await c.BeginTransactionAsync(ct);
        var batch = await NextBatchAsync(c, tx, ct);

        await using var insertAdvisory = c.CreateCommand();
        insertAdvisory.Transaction = tx;
        insertAdvisory.CommandText = "INSERT INTO advisories (batch, id, json) VALUES ($b, $id, $json) RETURNING rowid";
        var pBatch = insertAdvisory.Parameters.Add("$b", SqliteType.Integer);
        var pId = insertAdvisory.Parameters.Add("$id", SqliteType.Text);
        var pJson = insertAdvisory.Parameters.Add("$json", SqliteType.Text);
        await using var insertName = c.CreateCommand();
        insertName.Transaction = tx;
        insertName.CommandText = "INSERT OR IGNORE INTO advisory_packages (ecosystem, name, advisory, batch) VALUES ($e, $n, $a, $b)";
        var pEco = insertName.Parameters.Add("$e", SqliteType.Text);
        var pName = insertName.Parameters.Add("$n", SqliteType.Text);
        var pAdvisory = insertName.Parameters.Add("$a", SqliteType.Integer);
        var pNameBatch = insertName.Parameters.Add("$b", SqliteType.Integer);
        pBatch.Value = batch;
        pNameBatch.Value = batch;

        var votes = new Dictionary<Ecosystem, int>();
        var kept = 0;
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            var advisory = record.Advisory;
            if (record.Withdrawn is not null || advisory.Affected.Count == 0) continue;
            pId.Value = advisory.Id;
            pJson.Value = OsvJson.Write(advisory);
            var rowid = (long)(await insertAdvisory.ExecuteScalarAsync(ct))!;
            pAdvisory.Value = rowid;
            foreach (var (ecosystem, name) in advisory.Affected.Select(p => (p.Ecosystem, PackageNames.Normalize(p.Ecosystem, p.Name))).Distinct())
            {
                pEco.Value = OsvJson.NameOf(ecosystem);
                pName.Value = name;
                await insertName.ExecuteNonQueryAsync(ct);
            }
            foreach (var e in advisory.Affected.Select(p => p.Ecosystem).Distinct()) votes[e] = votes.GetValueOrDefault(e) + 1;
            kept++;
        }
        if (votes.Count == 0) return null; // rolled back on disposal: nothing changed

        var feed = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
        await ReplaceAsync(c, tx, feed, batch, ct);
        var import = new AdvisoryImport(feed, clock.GetUtcNow(), source, kept);
        await using (var record = c.CreateCommand())
        {
            record.Transaction = tx;
            record.CommandText = """
                INSERT INTO advisory_imports (ecosystem, batch, imported_at, source, advisories) VALUES ($e, $b, $t, $s, $n)
                ON CONFLICT (ecosystem) DO UPDATE SET batch = excluded.batch, imported_at = excluded.imported_at,
                    source = excluded.source, advisories = excluded.advisories
                """;
            record.Parameters.AddWithValue("$e", OsvJson.NameOf(feed));
            record.Parameters.AddWithValue("$b", batch);
            record.Parameters.AddWithValue("$t", import.ImportedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            record.Parameters.AddWithValue("$s", source);
            record.Parameters.AddWithValue("$n", kept);
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return import;
    });

    private static async Task<long> NextBatchAsync(SqliteConnection c, SqliteTransaction tx, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT coalesce(max(batch), 0) + 1 FROM (SELECT batch FROM advisories UNION ALL SELECT batch FROM advisory_imports)";
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Drops the ecosystem's previous batch: every batch but the new one that no other ecosystem's import names.</summary>
    private static async Task ReplaceAsync(SqliteConnection c, SqliteTransaction tx, Ecosystem feed, long batch, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            DELETE FROM advisory_imports WHERE ecosystem = $e;
            DELETE FROM advisories WHERE batch <> $b AND batch NOT IN (SELECT batch FROM advisory_imports);
            DELETE FROM advisory_packages WHERE batch <> $b AND batch NOT IN (SELECT batch FROM advisory_imports);
            """;
        cmd.Parameters.AddWithValue("$e", OsvJson.NameOf(feed));
        cmd.Parameters.AddWithValue("$b", batch);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
