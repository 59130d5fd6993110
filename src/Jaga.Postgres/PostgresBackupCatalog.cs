using System.Data;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The backup catalog in the PostgreSQL database. A record and its copies are saved in one transaction.</summary>
/// <remarks>Times are <c>timestamptz</c> at millisecond precision, like the audit table's, and come back in UTC.</remarks>
internal sealed class PostgresBackupCatalog(NpgsqlDataSource dataSource) : IBackupCatalog
{
    private const string Columns =
        "id, job, artifact, source_kind, status, started_at, finished_at, size, sha256, verified_at, verify_result, detail, manifest";

    public async Task SaveAsync(BackupRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        // The upsert comes first and locks the record's row, so two saves of one record cannot interleave their copies.
        await using var batch = new NpgsqlBatch(c, tx);
        batch.BatchCommands.Add(Statement($"""
            INSERT INTO backups ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (id) DO UPDATE SET
              job = excluded.job, artifact = excluded.artifact, source_kind = excluded.source_kind, status = excluded.status,
              started_at = excluded.started_at, finished_at = excluded.finished_at, size = excluded.size,
              sha256 = excluded.sha256, verified_at = excluded.verified_at, verify_result = excluded.verify_result,
              detail = excluded.detail, manifest = excluded.manifest
            """,
            Text(record.Id), Text(record.Job), Text(record.Artifact), Text(record.SourceKind), Text(record.Status.ToText()),
            Time(record.StartedAt), Time(record.FinishedAt), new NpgsqlParameter<long> { TypedValue = record.Size },
            Text(record.Sha256), Time(record.VerifiedAt), Text(record.VerifyResult), Text(record.Detail), Text(record.Manifest)));
        batch.BatchCommands.Add(Statement("DELETE FROM backup_copies WHERE backup_id = $1", Text(record.Id)));
        for (var i = 0; i < record.Copies.Count; i++)
        {
            var copy = record.Copies[i];
            batch.BatchCommands.Add(Statement(
                "INSERT INTO backup_copies (backup_id, destination, ordinal, state, detail, verified_at) VALUES ($1, $2, $3, $4, $5, $6)",
                Text(record.Id), Text(copy.Destination), new NpgsqlParameter<int> { TypedValue = i }, Text(copy.State.ToText()),
                Text(copy.Detail), Time(copy.VerifiedAt)));
        }
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<BackupRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        var found = await QueryAsync("WHERE b.id = $1", id, ct);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<BackupRecord>> ListAsync(string? job = null, CancellationToken ct = default) =>
        job is null ? QueryAsync("", null, ct) : QueryAsync("WHERE b.job = $1", job, ct);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        // The copies go with it: backup_copies references backups ON DELETE CASCADE.
        await using var delete = dataSource.CreateCommand("DELETE FROM backups WHERE id = $1");
        delete.Parameters.Add(Text(id));
        return await delete.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Records matching <paramref name="where"/> (on <c>$1</c>), newest start first, each with its copies in saved order.</summary>
    /// <remarks>One statement joins the copies in, so records and copies come from one snapshot even while another node saves.</remarks>
    private async Task<IReadOnlyList<BackupRecord>> QueryAsync(string where, string? key, CancellationToken ct)
    {
        await using var q = dataSource.CreateCommand($"""
            SELECT b.id, b.job, b.artifact, b.source_kind, b.status, b.started_at, b.finished_at, b.size, b.sha256,
                   b.verified_at, b.verify_result, b.detail, b.manifest, c.destination, c.state, c.detail, c.verified_at
            FROM backups b LEFT JOIN backup_copies c ON c.backup_id = b.id
            {where}
            ORDER BY b.started_at DESC, b.id DESC, c.ordinal
            """);
        if (key is not null) q.Parameters.Add(Text(key));
        await using var r = await q.ExecuteReaderAsync(ct);
        var records = new List<(BackupRecord Record, List<BackupCopy> Copies)>();
        while (await r.ReadAsync(ct))
        {
            if (records.Count == 0 || records[^1].Record.Id != r.GetString(0)) records.Add((Read(r), []));
            if (!r.IsDBNull(13))
                records[^1].Copies.Add(new BackupCopy(r.GetString(13), BackupCatalogText.ParseCopyState(r.GetString(14)), Text(r, 15), Time(r, 16)));
        }
        return records.Select(x => x.Record with { Copies = x.Copies }).ToList();
    }

    private static BackupRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), BackupCatalogText.ParseStatus(r.GetString(4)),
        r.GetFieldValue<DateTimeOffset>(5), Time(r, 6), r.GetInt64(7), Text(r, 8), [], Time(r, 9), Text(r, 10), Text(r, 11), Text(r, 12));
}
