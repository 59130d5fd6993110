using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>Runbook runs in the SQLite file. Starting a run for an incident and taking a run over decide under SQLite's write
/// lock (<c>BEGIN IMMEDIATE</c>, or one statement), so of any number of processes sharing the file exactly one wins.</summary>
/// <remarks>Times are milliseconds since the epoch and come back in UTC. A lease is live while <c>lease_until_ms &gt;= now</c>,
/// as the job ledger's.</remarks>
internal sealed partial class SqliteRunbookRuns(Func<CancellationToken, Task<SqliteConnection>> connect) : IRunbookRuns
{
    private const string RunColumns =
        "id, runbook, parameters, run_trigger, incident_id, started_by, started_at_ms, status, ended_at_ms, detail, node, lease_until_ms";

    public async Task<RunbookRun> StartAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        EmergencyText.Start(run, node, lease);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        var started = await InsertAsync(c, tx, run, node, now, lease, ct)
            ?? throw new ArgumentException(await ConflictAsync(c, tx, run, ct), nameof(run));
        await tx.CommitAsync(ct);
        return started;
    }

    public async Task<(bool Started, RunbookRun Run)> StartForIncidentAsync(
        RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        EmergencyText.Start(run, node, lease);
        if (run.IncidentId is null) throw new ArgumentException("a run started for an incident names the incident", nameof(run));
        await using var c = await connect(ct);
        // IMMEDIATE: the write lock is held from before the insert to after the read of the run that was there first.
        await using var tx = c.BeginTransaction(deferred: false);
        if (await InsertAsync(c, tx, run, node, now, lease, ct) is { } started)
        {
            await tx.CommitAsync(ct);
            return (true, started);
        }
        using var q = Command(c, tx, $"SELECT {RunColumns} FROM runbook_runs WHERE incident_id = $incident AND runbook = $runbook");
        Add(q, "$incident", run.IncidentId);
        Add(q, "$runbook", run.Runbook);
        var existing = await ReadRunsAsync(q, ct) is [var first] ? first : throw new ArgumentException(await ConflictAsync(c, tx, run, ct), nameof(run));
        await tx.CommitAsync(ct);
        return (false, existing);
    }

    public async Task<RunbookRun?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {RunColumns} FROM runbook_runs WHERE id = $id");
        Add(q, "$id", id);
        return await ReadRunsAsync(q, ct) is [var run] ? run : null;
    }

    public async Task<IReadOnlyList<RunbookRun>> ListAsync(string? runbook, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        // Runs started in one millisecond keep the order they were recorded in.
        using var q = Command(c, null, $"""
            SELECT {RunColumns} FROM runbook_runs WHERE $runbook IS NULL OR runbook = $runbook
            ORDER BY started_at_ms DESC, rowid DESC LIMIT $limit
            """);
        Add(q, "$runbook", runbook);
        Add(q, "$limit", limit);
        return await ReadRunsAsync(q, ct);
    }

    public async Task<bool> SetStatusAsync(string id, string node, RunbookRunStatus status, DateTimeOffset at, string? detail, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var update = Command(c, null, $"""
            UPDATE runbook_runs SET status = $status, ended_at_ms = $ended, detail = $detail
            WHERE id = $id AND node = $node AND status IN ({EmergencyText.ActiveWords})
            """);
        Add(update, "$status", status.ToText());
        Add(update, "$ended", status.Active() ? null : Ms(at));
        Add(update, "$detail", detail);
        Add(update, "$id", id);
        Add(update, "$node", node);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> RenewAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var c = await connect(ct);
        using var update = Command(c, null,
            $"UPDATE runbook_runs SET lease_until_ms = $until WHERE id = $id AND node = $node AND status IN ({EmergencyText.ActiveWords})");
        Add(update, "$until", Ms(now + lease));
        Add(update, "$id", id);
        Add(update, "$node", node);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<RunbookRun?> TryTakeOverAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var c = await connect(ct);
        // One statement decides: SQLite runs it under the write lock, so two callers cannot both match the old row.
        using var update = Command(c, null, $"""
            UPDATE runbook_runs SET status = 'running', ended_at_ms = NULL, detail = NULL, node = $node, lease_until_ms = $until
            WHERE id = $id AND (status IN ({EmergencyText.ResumableWords}) OR (status = 'running' AND lease_until_ms < $now))
            RETURNING {RunColumns}
            """);
        Add(update, "$node", node);
        Add(update, "$until", Ms(now + lease));
        Add(update, "$id", id);
        Add(update, "$now", Ms(now));
        return await ReadRunsAsync(update, ct) is [var run] ? run : null;
    }

    /// <summary>Inserts the run unless its id or its (incident, runbook) is taken; null then.</summary>
    private static async Task<RunbookRun?> InsertAsync(
        SqliteConnection c, SqliteTransaction tx, RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        using var insert = Command(c, tx, $"""
            INSERT INTO runbook_runs ({RunColumns})
            VALUES ($id, $runbook, $parameters, $trigger, $incident, $by, $now, 'running', NULL, NULL, $node, $until)
            ON CONFLICT DO NOTHING
            RETURNING {RunColumns}
            """);
        Add(insert, "$id", run.Id);
        Add(insert, "$runbook", run.Runbook);
        Add(insert, "$parameters", EmergencyText.ParametersToJson(run.Parameters));
        Add(insert, "$trigger", run.Trigger);
        Add(insert, "$incident", run.IncidentId);
        Add(insert, "$by", run.StartedBy);
        Add(insert, "$now", Ms(now));
        Add(insert, "$node", node);
        Add(insert, "$until", Ms(now + lease));
        return await ReadRunsAsync(insert, ct) is [var started] ? started : null;
    }

    /// <summary>Why a run could not be recorded: its id is taken, or its incident has a run of its runbook.</summary>
    private static async Task<string> ConflictAsync(SqliteConnection c, SqliteTransaction tx, RunbookRunStart run, CancellationToken ct)
    {
        using var q = Command(c, tx, "SELECT EXISTS (SELECT 1 FROM runbook_runs WHERE id = $id)");
        Add(q, "$id", run.Id);
        return await q.ExecuteScalarAsync(ct) is long taken && taken != 0
            ? $"a runbook run with id {run.Id} exists"
            : $"incident {run.IncidentId} already has a run of runbook {run.Runbook}";
    }

    private static async Task<List<RunbookRun>> ReadRunsAsync(SqliteCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var runs = new List<RunbookRun>();
        while (await r.ReadAsync(ct))
            runs.Add(new RunbookRun(r.GetString(0), r.GetString(1), EmergencyText.ParametersFromJson(r.GetString(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetInt64(4), r.GetString(5), Time(r.GetInt64(6)), EmergencyText.ParseStatus(r.GetString(7)),
                Time(r, 8), Text(r, 9), r.GetString(10), Time(r.GetInt64(11))));
        return runs;
    }

    private static long Ms(DateTimeOffset t) => AuditEntry.ToMilliseconds(t).ToUnixTimeMilliseconds();
}
