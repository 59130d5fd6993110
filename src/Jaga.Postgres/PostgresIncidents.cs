using System.Data;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Incidents and their timelines in the PostgreSQL database. Opening first takes a transaction-scoped advisory lock on
/// the key, so the look for an open incident and the insert are one step for every node (and the identity numbers incidents
/// without the gaps a lost insert would leave); the partial unique index on open keys is the final guard.</summary>
internal sealed class PostgresIncidents(NpgsqlDataSource dataSource) : IIncidents
{
    private const string Columns =
        "id, incident_key, title, source, opened_at, node, acknowledged_at, acknowledged_by, closed_at, closed_by, close_note";

    /// <summary>Serialises the openings of one key; the prefix keeps the key space apart from the job ledger's locks.</summary>
    private const string LockKey = "SELECT pg_advisory_xact_lock(hashtextextended('jaga.incident:' || $1, 0))";

    public async Task<(bool Opened, Incident Incident)> OpenAsync(string key, string title, string source, DateTimeOffset at, string node, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        // Read committed: the look runs after the lock is held, with a snapshot that includes an opening committed before.
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            batch.BatchCommands.Add(Statement(LockKey, Text(key)));
            batch.BatchCommands.Add(Statement($"SELECT {Columns} FROM incidents WHERE incident_key = $1 AND closed_at IS NULL", Text(key)));
            await using var r = await batch.ExecuteReaderAsync(ct);
            await r.NextResultAsync(ct);
            if (await r.ReadAsync(ct))
            {
                var open = Read(r);
                await r.DisposeAsync();
                await tx.CommitAsync(ct);
                return (false, open);
            }
        }
        Incident opened;
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO incidents (incident_key, title, source, opened_at, node) VALUES ($1, $2, $3, $4, $5) RETURNING {Columns}
            """, c, tx))
        {
            insert.Parameters.Add(Text(key));
            insert.Parameters.Add(Text(title));
            insert.Parameters.Add(Text(source));
            insert.Parameters.Add(Time(at));
            insert.Parameters.Add(Text(node));
            opened = (await ReadAsync(insert, ct))[0];
        }
        await AddEventAsync(c, tx, opened.Id, at, IncidentEventKind.Opened, title, node, ct);
        await tx.CommitAsync(ct);
        return (true, opened);
    }

    public async Task<Incident?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {Columns} FROM incidents WHERE id = $1");
        q.Parameters.Add(Id(id));
        return await ReadAsync(q, ct) is [var incident] ? incident : null;
    }

    public async Task<Incident?> FindOpenAsync(string key, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {Columns} FROM incidents WHERE incident_key = $1 AND closed_at IS NULL");
        q.Parameters.Add(Text(key));
        return await ReadAsync(q, ct) is [var open] ? open : null;
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var q = dataSource.CreateCommand(
            $"SELECT {Columns} FROM incidents WHERE NOT $1 OR closed_at IS NULL ORDER BY opened_at DESC, id DESC LIMIT $2");
        q.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = openOnly });
        q.Parameters.Add(Integer(limit));
        return await ReadAsync(q, ct);
    }

    public async Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return await ChangeAsync(
            "UPDATE incidents SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL",
            [Time(at), Text(by), Id(id)], id, at, IncidentEventKind.Acknowledged, by, ct);
    }

    public async Task<bool> CloseAsync(long id, DateTimeOffset at, string by, string? note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return await ChangeAsync(
            "UPDATE incidents SET closed_at = $1, closed_by = $2, close_note = $3 WHERE id = $4 AND closed_at IS NULL",
            [Time(at), Text(by), Text(note), Id(id)], id, at, IncidentEventKind.Closed, note is null ? by : $"{by}: {note}", ct);
    }

    public async Task AddEventAsync(long id, DateTimeOffset at, IncidentEventKind kind, string text, string node, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await AddEventAsync(c, null, id, at, kind, text, node, ct);
    }

    public async Task<IReadOnlyList<IncidentEvent>> TimelineAsync(long id, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand("SELECT incident_id, at, kind, text, node FROM incident_events WHERE incident_id = $1 ORDER BY at, id");
        q.Parameters.Add(Id(id));
        await using var r = await q.ExecuteReaderAsync(ct);
        var events = new List<IncidentEvent>();
        while (await r.ReadAsync(ct))
            events.Add(new IncidentEvent(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), EmergencyText.ParseEventKind(r.GetString(2)), r.GetString(3), Text(r, 4)));
        return events;
    }

    /// <summary>Runs a one-time change of an incident and, when it changed the row, adds its timeline line in the same transaction.</summary>
    private async Task<bool> ChangeAsync(
        string sql, NpgsqlParameter[] parameters, long id, DateTimeOffset at, IncidentEventKind kind, string text, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var update = new NpgsqlCommand(sql, c, tx))
        {
            update.Parameters.AddRange(parameters);
            if (await update.ExecuteNonQueryAsync(ct) != 1) return false;
        }
        await AddEventAsync(c, tx, id, at, kind, text, null, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task AddEventAsync(
        NpgsqlConnection c, NpgsqlTransaction? tx, long id, DateTimeOffset at, IncidentEventKind kind, string text, string? node, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("INSERT INTO incident_events (incident_id, at, kind, text, node) VALUES ($1, $2, $3, $4, $5)", c, tx);
        insert.Parameters.Add(Id(id));
        insert.Parameters.Add(Time(at));
        insert.Parameters.Add(Text(kind.ToText()));
        insert.Parameters.Add(Text(text));
        insert.Parameters.Add(Text(node));
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<Incident>> ReadAsync(NpgsqlCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var incidents = new List<Incident>();
        while (await r.ReadAsync(ct)) incidents.Add(Read(r));
        return incidents;
    }

    private static Incident Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), r.GetString(5),
        Time(r, 6), Text(r, 7), Time(r, 8), Text(r, 9), Text(r, 10));
}
