using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The pending security findings in the SQLite file. A reading is one transaction under SQLite's write lock
/// (<c>BEGIN IMMEDIATE</c>): its findings are opened or refreshed, then (when complete) the rest of its source and scope
/// resolved, and no other process sees half of it.</summary>
internal sealed class SqliteSecurityFindings(Func<CancellationToken, Task<SqliteConnection>> connect) : ISecurityFindings
{
    private const string Columns =
        "source, scope, ecosystem, package, version, advisory, severity, fixed_version, first_seen_ms, last_seen_ms, resolved_at_ms";

    public async Task<SecurityReadingRecorded> RecordAsync(SecurityReading reading, CancellationToken ct = default)
    {
        SecurityFindingText.Validate(reading);
        var id = Guid.NewGuid().ToString("N");
        var at = Ms(reading.At);
        var source = reading.Source.ToText();
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        var opened = 0;
        using (var upsert = Command(c, tx, """
            INSERT INTO security_findings (source, scope, ecosystem, package, advisory, version, severity, fixed_version,
              first_seen_ms, last_seen_ms, opened_in, seen_in)
            VALUES ($source, $scope, $ecosystem, $package, $advisory, $version, $severity, $fixed, $at, $at, $reading, $reading)
            ON CONFLICT (source, scope, ecosystem, package, advisory) WHERE resolved_at_ms IS NULL DO UPDATE SET
              version = excluded.version, severity = excluded.severity, fixed_version = excluded.fixed_version,
              last_seen_ms = max(last_seen_ms, excluded.last_seen_ms), seen_in = excluded.seen_in
            RETURNING opened_in
            """))
        {
            foreach (var f in reading.Findings)
            {
                upsert.Parameters.Clear();
                Add(upsert, "$source", source);
                Add(upsert, "$scope", reading.Scope);
                Add(upsert, "$ecosystem", f.Ecosystem);
                Add(upsert, "$package", f.Package);
                Add(upsert, "$advisory", f.Advisory);
                Add(upsert, "$version", f.Version);
                Add(upsert, "$severity", SecurityFindingText.SeverityText(f.Severity));
                Add(upsert, "$fixed", f.FixedVersion);
                Add(upsert, "$at", at);
                Add(upsert, "$reading", id);
                if ((string?)await upsert.ExecuteScalarAsync(ct) == id) opened++;
            }
        }
        var resolved = 0;
        if (reading.Complete)
        {
            using var resolve = Command(c, tx, """
                UPDATE security_findings SET resolved_at_ms = max($at, last_seen_ms)
                WHERE source = $source AND scope = $scope AND resolved_at_ms IS NULL AND seen_in <> $reading
                """);
            Add(resolve, "$at", at);
            Add(resolve, "$source", source);
            Add(resolve, "$scope", reading.Scope);
            Add(resolve, "$reading", id);
            resolved = await resolve.ExecuteNonQueryAsync(ct);
        }
        using (var mark = Command(c, tx, """
            INSERT INTO security_readings (source, scope, at_ms, complete, findings) VALUES ($source, $scope, $at, $complete, $findings)
            ON CONFLICT (source, scope) DO UPDATE SET at_ms = excluded.at_ms, complete = excluded.complete, findings = excluded.findings
            """))
        {
            Add(mark, "$source", source);
            Add(mark, "$scope", reading.Scope);
            Add(mark, "$at", at);
            Add(mark, "$complete", reading.Complete ? 1 : 0);
            Add(mark, "$findings", reading.Findings.Count);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new SecurityReadingRecorded(opened, reading.Findings.Count - opened, resolved);
    }

    public Task<IReadOnlyList<SecurityFinding>> PendingAsync(CancellationToken ct = default) =>
        ListAsync("resolved_at_ms IS NULL ORDER BY first_seen_ms, id", null, ct);

    public Task<IReadOnlyList<SecurityFinding>> ResolvedAsync(int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ListAsync("resolved_at_ms IS NOT NULL ORDER BY resolved_at_ms DESC, id DESC LIMIT $limit", limit, ct);
    }

    public async Task<IReadOnlyList<SecurityReadingMark>> ReadingsAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, "SELECT source, scope, at_ms, complete, findings FROM security_readings ORDER BY source, scope");
        await using var r = await q.ExecuteReaderAsync(ct);
        var marks = new List<SecurityReadingMark>();
        while (await r.ReadAsync(ct))
            marks.Add(new SecurityReadingMark(SecurityFindingText.ParseSource(r.GetString(0)), r.GetString(1), Time(r.GetInt64(2)), r.GetInt64(3) != 0, r.GetInt32(4)));
        return marks;
    }

    private async Task<IReadOnlyList<SecurityFinding>> ListAsync(string where, int? limit, CancellationToken ct)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {Columns} FROM security_findings WHERE {where}");
        if (limit is { } l) Add(q, "$limit", l);
        await using var r = await q.ExecuteReaderAsync(ct);
        var findings = new List<SecurityFinding>();
        while (await r.ReadAsync(ct))
            findings.Add(new SecurityFinding(SecurityFindingText.ParseSource(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.GetString(5), SecurityFindingText.ParseSeverity(r.GetString(6)), Text(r, 7), Time(r.GetInt64(8)),
                Time(r.GetInt64(9)), Time(r, 10)));
        return findings;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
