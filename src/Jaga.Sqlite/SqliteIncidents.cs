using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Incidents and their timelines in the SQLite file. Opening decides under SQLite's write lock (<c>BEGIN IMMEDIATE</c>):
/// the look for an open incident of the key and the insert are one step for every process; the partial unique index on open
/// keys is the final guard.</summary>
internal sealed class SqliteIncidents(Func<CancellationToken, Task<SqliteConnection>> connect) : IIncidents
{
    private const string Columns =
        "id, incident_key, title, source, opened_at_ms, node, acknowledged_at_ms, acknowledged_by, closed_at_ms, closed_by, close_note";

    public async Task<(bool Opened, Incident Incident)> OpenAsync(string key, string title, string source, DateTimeOffset at, string node, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        if (await OpenOfAsync(c, tx, key, ct) is { } open)
        {
            await tx.CommitAsync(ct);
            return (false, open);
        }
        using var insert = Command(c, tx, $"""
            INSERT INTO incidents (incident_key, title, source, opened_at_ms, node) VALUES ($key, $title, $source, $at, $node)
            RETURNING {Columns}
            """);
        Add(insert, "$key", key);
        Add(insert, "$title", title);
        Add(insert, "$source", source);
        Add(insert, "$at", Ms(at));
        Add(insert, "$node", node);
        var opened = (await ReadAsync(insert, ct))[0];
        await AddEventAsync(c, tx, opened.Id, at, IncidentEventKind.Opened, title, node, ct);
        await tx.CommitAsync(ct);
        return (true, opened);
    }

    public async Task<Incident?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {Columns} FROM incidents WHERE id = $id");
        Add(q, "$id", id);
        return await ReadAsync(q, ct) is [var incident] ? incident : null;
    }

    public async Task<Incident?> FindOpenAsync(string key, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        return await OpenOfAsync(c, null, key, ct);
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        using var q = Command(c, null,
            $"SELECT {Columns} FROM incidents WHERE NOT $open OR closed_at_ms IS NULL ORDER BY opened_at_ms DESC, id DESC LIMIT $limit");
        Add(q, "$open", openOnly);
        Add(q, "$limit", limit);
        return await ReadAsync(q, ct);
    }

    public async Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var update = Command(c, tx,
            "UPDATE incidents SET acknowledged_at_ms = $at, acknowledged_by = $by WHERE id = $id AND acknowledged_at_ms IS NULL");
        Add(update, "$at", Ms(at));
        Add(update, "$by", by);
        Add(update, "$id", id);
        if (await update.ExecuteNonQueryAsync(ct) != 1) return false;
        await AddEventAsync(c, tx, id, at, IncidentEventKind.Acknowledged, by, null, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<bool> CloseAsync(long id, DateTimeOffset at, string by, string? note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var update = Command(c, tx,
            "UPDATE incidents SET closed_at_ms = $at, closed_by = $by, close_note = $note WHERE id = $id AND closed_at_ms IS NULL");
        Add(update, "$at", Ms(at));
        Add(update, "$by", by);
        Add(update, "$note", note);
        Add(update, "$id", id);
        if (await update.ExecuteNonQueryAsync(ct) != 1) return false;
        await AddEventAsync(c, tx, id, at, IncidentEventKind.Closed, note is null ? by : $"{by}: {note}", null, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task AddEventAsync(long id, DateTimeOffset at, IncidentEventKind kind, string text, string node, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var c = await connect(ct);
        await AddEventAsync(c, null, id, at, kind, text, node, ct);
    }

    public async Task<IReadOnlyList<IncidentEvent>> TimelineAsync(long id, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, "SELECT incident_id, at_ms, kind, text, node FROM incident_events WHERE incident_id = $id ORDER BY at_ms, id");
        Add(q, "$id", id);
        await using var r = await q.ExecuteReaderAsync(ct);
        var events = new List<IncidentEvent>();
        while (await r.ReadAsync(ct))
            events.Add(new IncidentEvent(r.GetInt64(0), Time(r.GetInt64(1)), EmergencyText.ParseEventKind(r.GetString(2)), r.GetString(3), Text(r, 4)));
        return events;
    }

    private static async Task AddEventAsync(
        SqliteConnection c, SqliteTransaction? tx, long id, DateTimeOffset at, IncidentEventKind kind, string text, string? node, CancellationToken ct)
    {
        using var insert = Command(c, tx, "INSERT INTO incident_events (incident_id, at_ms, kind, text, node) VALUES ($id, $at, $kind, $text, $node)");
        Add(insert, "$id", id);
        Add(insert, "$at", Ms(at));
        Add(insert, "$kind", kind.ToText());
        Add(insert, "$text", text);
        Add(insert, "$node", node);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<Incident?> OpenOfAsync(SqliteConnection c, SqliteTransaction? tx, string key, CancellationToken ct)
    {
        using var q = Command(c, tx, $"SELECT {Columns} FROM incidents WHERE incident_key = $key AND closed_at_ms IS NULL");
        Add(q, "$key", key);
        return await ReadAsync(q, ct) is [var open] ? open : null;
    }

    private static async Task<List<Incident>> ReadAsync(SqliteCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var incidents = new List<Incident>();
        while (await r.ReadAsync(ct))
            incidents.Add(new Incident(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r.GetInt64(4)), r.GetString(5),
                Time(r, 6), Text(r, 7), Time(r, 8), Text(r, 9), Text(r, 10)));
        return incidents;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
