using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The pending security findings in the PostgreSQL database. A reading is one transaction: its findings are opened
/// or refreshed by an upsert on the partial unique index of pending findings (so two nodes reading at once never open one
/// twice), then, when complete, the rest of its source and scope resolved.</summary>
internal sealed class PostgresSecurityFindings(NpgsqlDataSource dataSource) : ISecurityFindings
{
    private const string Columns =
        "source, scope, ecosystem, package, version, advisory, severity, fixed_version, first_seen, last_seen, resolved_at";

    public async Task<SecurityReadingRecorded> RecordAsync(SecurityReading reading, CancellationToken ct = default)
    {
        SecurityFindingText.Validate(reading);
        var id = Guid.NewGuid().ToString("N");
        var source = reading.Source.ToText();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // Readings of one source and scope one at a time, as SQLite's BEGIN IMMEDIATE makes them: two complete readings with
        // different findings would otherwise each upsert a row the other then resolves, and deadlock.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('jaga.security:' || $1 || '/' || $2, 0))", c, tx))
        {
            take.Parameters.Add(Text(source));
            take.Parameters.Add(Text(reading.Scope));
            await take.ExecuteNonQueryAsync(ct);
        }
        var opened = 0;
        foreach (var f in reading.Findings)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO security_findings (source, scope, ecosystem, package, advisory, version, severity, fixed_version,
                  first_seen, last_seen, opened_in, seen_in)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10)
                ON CONFLICT (source, scope, ecosystem, package, advisory) WHERE resolved_at IS NULL DO UPDATE SET
                  version = excluded.version, severity = excluded.severity, fixed_version = excluded.fixed_version,
                  last_seen = greatest(security_findings.last_seen, excluded.last_seen), seen_in = excluded.seen_in
                RETURNING opened_in
                """, c, tx);
            upsert.Parameters.Add(Text(source));
            upsert.Parameters.Add(Text(reading.Scope));
            upsert.Parameters.Add(Text(f.Ecosystem));
            upsert.Parameters.Add(Text(f.Package));
            upsert.Parameters.Add(Text(f.Advisory));
            upsert.Parameters.Add(Text(f.Version));
            upsert.Parameters.Add(Text(SecurityFindingText.SeverityText(f.Severity)));
            upsert.Parameters.Add(Text(f.FixedVersion));
            upsert.Parameters.Add(Time(reading.At));
            upsert.Parameters.Add(Text(id));
            if ((string?)await upsert.ExecuteScalarAsync(ct) == id) opened++;
        }
        var resolved = 0;
        if (reading.Complete)
        {
            await using var resolve = new NpgsqlCommand("""
                UPDATE security_findings SET resolved_at = greatest($1, last_seen)
                WHERE source = $2 AND scope = $3 AND resolved_at IS NULL AND seen_in <> $4
                """, c, tx);
            resolve.Parameters.Add(Time(reading.At));
            resolve.Parameters.Add(Text(source));
            resolve.Parameters.Add(Text(reading.Scope));
            resolve.Parameters.Add(Text(id));
            resolved = await resolve.ExecuteNonQueryAsync(ct);
        }
        await using (var mark = new NpgsqlCommand("""
            INSERT INTO security_readings (source, scope, at, complete, findings) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (source, scope) DO UPDATE SET at = excluded.at, complete = excluded.complete, findings = excluded.findings
            """, c, tx))
        {
            mark.Parameters.Add(Text(source));
            mark.Parameters.Add(Text(reading.Scope));
            mark.Parameters.Add(Time(reading.At));
            mark.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = reading.Complete });
            mark.Parameters.Add(Integer(reading.Findings.Count));
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new SecurityReadingRecorded(opened, reading.Findings.Count - opened, resolved);
    }

    public Task<IReadOnlyList<SecurityFinding>> PendingAsync(CancellationToken ct = default) =>
        ListAsync("resolved_at IS NULL ORDER BY first_seen, id", null, ct);

    public Task<IReadOnlyList<SecurityFinding>> ResolvedAsync(int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ListAsync("resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT $1", limit, ct);
    }

    public async Task<IReadOnlyList<SecurityReadingMark>> ReadingsAsync(CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand("SELECT source, scope, at, complete, findings FROM security_readings ORDER BY source, scope");
        await using var r = await q.ExecuteReaderAsync(ct);
        var marks = new List<SecurityReadingMark>();
        while (await r.ReadAsync(ct))
            marks.Add(new SecurityReadingMark(SecurityFindingText.ParseSource(r.GetString(0)), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2),
                r.GetBoolean(3), r.GetInt32(4)));
        return marks;
    }

    private async Task<IReadOnlyList<SecurityFinding>> ListAsync(string where, int? limit, CancellationToken ct)
    {
        await using var q = dataSource.CreateCommand($"SELECT {Columns} FROM security_findings WHERE {where}");
        if (limit is { } l) q.Parameters.Add(Integer(l));
        await using var r = await q.ExecuteReaderAsync(ct);
        var findings = new List<SecurityFinding>();
        while (await r.ReadAsync(ct))
            findings.Add(new SecurityFinding(SecurityFindingText.ParseSource(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), SecurityFindingText.ParseSeverity(r.GetString(6)), Text(r, 7), r.GetFieldValue<DateTimeOffset>(8),
                r.GetFieldValue<DateTimeOffset>(9), Time(r, 10)));
        return findings;
    }
}
