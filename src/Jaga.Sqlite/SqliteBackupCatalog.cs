using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The backup catalog in the SQLite file. Writes take SQLite's write lock (<c>BEGIN IMMEDIATE</c>), so a record
/// and its copies change together.</summary>
/// <remarks>Times are kept as milliseconds since the epoch, like the audit table's, and come back in UTC.</remarks>
internal sealed class SqliteBackupCatalog(Func<CancellationToken, Task<SqliteConnection>> connect) : IBackupCatalog
{
    private const string Columns =
        "id, job, artifact, source_kind, status, started_at_ms, finished_at_ms, size, sha256, verified_at_ms, verify_result, detail, manifest";

    private const string CopyColumns = "backup_id, destination, state, detail, verified_at_ms";

    public async Task SaveAsync(BackupRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using (var upsert = Command(c, tx, $"""
            INSERT INTO backups ({Columns})
            VALUES ($id, $job, $artifact, $source_kind, $status, $started, $finished, $size, $sha256, $verified, $verify_result, $detail, $manifest)
            ON CONFLICT (id) DO UPDATE SET
              job = excluded.job, artifact = excluded.artifact, source_kind = excluded.source_kind, status = excluded.status,
              started_at_ms = excluded.started_at_ms, finished_at_ms = excluded.finished_at_ms, size = excluded.size,
              sha256 = excluded.sha256, verified_at_ms = excluded.verified_at_ms, verify_result = excluded.verify_result,
              detail = excluded.detail, manifest = excluded.manifest
            """))
        {
            Add(upsert, "$id", record.Id);
            Add(upsert, "$job", record.Job);
            Add(upsert, "$artifact", record.Artifact);
            Add(upsert, "$source_kind", record.SourceKind);
            Add(upsert, "$status", record.Status.ToText());
            Add(upsert, "$started", record.StartedAt.ToUnixTimeMilliseconds());
            Add(upsert, "$finished", record.FinishedAt?.ToUnixTimeMilliseconds());
            Add(upsert, "$size", record.Size);
            Add(upsert, "$sha256", record.Sha256);
            Add(upsert, "$verified", record.VerifiedAt?.ToUnixTimeMilliseconds());
            Add(upsert, "$verify_result", record.VerifyResult);
            Add(upsert, "$detail", record.Detail);
            Add(upsert, "$manifest", record.Manifest);
            await upsert.ExecuteNonQueryAsync(ct);
        }
        using (var delete = Command(c, tx, "DELETE FROM backup_copies WHERE backup_id = $id"))
        {
            Add(delete, "$id", record.Id);
            await delete.ExecuteNonQueryAsync(ct);
        }
        for (var i = 0; i < record.Copies.Count; i++)
        {
            var copy = record.Copies[i];
            using var insert = Command(c, tx,
                "INSERT INTO backup_copies (backup_id, destination, ordinal, state, detail, verified_at_ms) VALUES ($id, $destination, $ordinal, $state, $detail, $verified)");
            Add(insert, "$id", record.Id);
            Add(insert, "$destination", copy.Destination);
            Add(insert, "$ordinal", i);
            Add(insert, "$state", copy.State.ToText());
            Add(insert, "$detail", copy.Detail);
            Add(insert, "$verified", copy.VerifiedAt?.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<BackupRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        var found = await QueryAsync("WHERE id = $key", id, ct);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<BackupRecord>> ListAsync(string? job = null, CancellationToken ct = default) =>
        job is null ? QueryAsync("", null, ct) : QueryAsync("WHERE job = $key", job, ct);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        // The copies go with it: backup_copies references backups ON DELETE CASCADE, and every connection enables foreign keys.
        using var delete = Command(c, null, "DELETE FROM backups WHERE id = $id");
        Add(delete, "$id", id);
        return await delete.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Records matching <paramref name="where"/> (on <c>$key</c>), newest start first, each with its copies in saved order.</summary>
    private async Task<IReadOnlyList<BackupRecord>> QueryAsync(string where, string? key, CancellationToken ct)
    {
        await using var c = await connect(ct);
        // One read transaction, so the copies read belong to the records read even while another process saves.
        await using var tx = c.BeginTransaction(deferred: true);
        var records = new List<BackupRecord>();
        using (var q = Command(c, tx, $"SELECT {Columns} FROM backups {where} ORDER BY started_at_ms DESC, id DESC"))
        {
            if (key is not null) Add(q, "$key", key);
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) records.Add(Read(r));
        }
        if (records.Count == 0) return records;
        var copies = new Dictionary<string, List<BackupCopy>>(StringComparer.Ordinal);
        using (var q = Command(c, tx,
            $"SELECT {CopyColumns} FROM backup_copies WHERE backup_id IN (SELECT id FROM backups {where}) ORDER BY backup_id, ordinal"))
        {
            if (key is not null) Add(q, "$key", key);
            await using var r = await q.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var copy = new BackupCopy(r.GetString(1), BackupCatalogText.ParseCopyState(r.GetString(2)), Text(r, 3), Time(r, 4));
                if (!copies.TryGetValue(r.GetString(0), out var list)) copies[r.GetString(0)] = list = [];
                list.Add(copy);
            }
        }
        return records.Select(b => b with { Copies = copies.TryGetValue(b.Id, out var list) ? list : [] }).ToList();
    }

    private static BackupRecord Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), BackupCatalogText.ParseStatus(r.GetString(4)),
        Time(r.GetInt64(5)), Time(r, 6), r.GetInt64(7), Text(r, 8), [], Time(r, 9), Text(r, 10), Text(r, 11), Text(r, 12));
}
