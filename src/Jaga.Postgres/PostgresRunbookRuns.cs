using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>Runbook runs in the PostgreSQL database, the arbiter between nodes. Starting a run for an incident is one insert
/// that the partial unique index on (incident, runbook) lets only one node make (the others wait for it, then do nothing and
/// read its run); a take-over is one update whose row lock orders racing callers, each re-testing the conditions against the
/// winner's result.</summary>
/// <remarks>Times are <c>timestamptz</c> at millisecond precision and come back in UTC. A lease is live while
/// <c>lease_until &gt;= now</c>, as the job ledger's.</remarks>
internal sealed partial class PostgresRunbookRuns(NpgsqlDataSource dataSource) : IRunbookRuns
{
    private const string RunColumns =
        "id, runbook, parameters, run_trigger, incident_id, started_by, started_at, status, ended_at, detail, node, lease_until";

    public async Task<RunbookRun> StartAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        EmergencyText.Start(run, node, lease);
        return await InsertAsync(run, node, now, lease, ct) ?? throw new ArgumentException(await ConflictAsync(run, ct), nameof(run));
    }

    public async Task<(bool Started, RunbookRun Run)> StartForIncidentAsync(
        RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        EmergencyText.Start(run, node, lease);
        if (run.IncidentId is null) throw new ArgumentException("a run started for an incident names the incident", nameof(run));
        if (await InsertAsync(run, node, now, lease, ct) is { } started) return (true, started);
        // The insert did nothing only once the conflicting run was committed, so this read (a new snapshot) finds it.
        await using var q = dataSource.CreateCommand($"SELECT {RunColumns} FROM runbook_runs WHERE incident_id = $1 AND runbook = $2");
        q.Parameters.Add(Bigint(run.IncidentId));
        q.Parameters.Add(Text(run.Runbook));
        return await ReadRunsAsync(q, ct) is [var existing] ? (false, existing) : throw new ArgumentException(await ConflictAsync(run, ct), nameof(run));
    }

    public async Task<RunbookRun?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {RunColumns} FROM runbook_runs WHERE id = $1");
        q.Parameters.Add(Text(id));
        return await ReadRunsAsync(q, ct) is [var run] ? run : null;
    }

    public async Task<IReadOnlyList<RunbookRun>> ListAsync(string? runbook, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Runs started in one millisecond keep the order they were recorded in.
        await using var q = dataSource.CreateCommand($"""
            SELECT {RunColumns} FROM runbook_runs WHERE $1::text IS NULL OR runbook = $1
            ORDER BY started_at DESC, seq DESC LIMIT $2
            """);
        q.Parameters.Add(Text(runbook));
        q.Parameters.Add(Integer(limit));
        return await ReadRunsAsync(q, ct);
    }

    public async Task<bool> SetStatusAsync(string id, string node, RunbookRunStatus status, DateTimeOffset at, string? detail, CancellationToken ct = default)
    {
        await using var update = dataSource.CreateCommand($"""
            UPDATE runbook_runs SET status = $1, ended_at = $2, detail = $3
            WHERE id = $4 AND node = $5 AND status IN ({EmergencyText.ActiveWords})
            """);
        update.Parameters.Add(Text(status.ToText()));
        update.Parameters.Add(Time(status.Active() ? null : at));
        update.Parameters.Add(Text(detail));
        update.Parameters.Add(Text(id));
        update.Parameters.Add(Text(node));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> RenewAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var update = dataSource.CreateCommand(
            $"UPDATE runbook_runs SET lease_until = $1 WHERE id = $2 AND node = $3 AND status IN ({EmergencyText.ActiveWords})");
        update.Parameters.Add(Time(now + lease));
        update.Parameters.Add(Text(id));
        update.Parameters.Add(Text(node));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<RunbookRun?> TryTakeOverAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var update = dataSource.CreateCommand($"""
            UPDATE runbook_runs SET status = 'running', ended_at = NULL, detail = NULL, node = $1, lease_until = $2
            WHERE id = $3 AND (status IN ({EmergencyText.ResumableWords}) OR (status = 'running' AND lease_until < $4))
            RETURNING {RunColumns}
            """);
        update.Parameters.Add(Text(node));
        update.Parameters.Add(Time(now + lease));
        update.Parameters.Add(Text(id));
        update.Parameters.Add(Time(now));
        return await ReadRunsAsync(update, ct) is [var run] ? run : null;
    }

    /// <summary>Inserts the run unless its id or its (incident, runbook) is taken; null then.</summary>
    private async Task<RunbookRun?> InsertAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var insert = dataSource.CreateCommand($"""
            INSERT INTO runbook_runs ({RunColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', NULL, NULL, $8, $9)
            ON CONFLICT DO NOTHING
            RETURNING {RunColumns}
            """);
        insert.Parameters.Add(Text(run.Id));
        insert.Parameters.Add(Text(run.Runbook));
        insert.Parameters.Add(Text(EmergencyText.ParametersToJson(run.Parameters)));
        insert.Parameters.Add(Text(run.Trigger));
        insert.Parameters.Add(Bigint(run.IncidentId));
        insert.Parameters.Add(Text(run.StartedBy));
        insert.Parameters.Add(Time(now));
        insert.Parameters.Add(Text(node));
        insert.Parameters.Add(Time(now + lease));
        return await ReadRunsAsync(insert, ct) is [var started] ? started : null;
    }

    /// <summary>Why a run could not be recorded: its id is taken, or its incident has a run of its runbook.</summary>
    private async Task<string> ConflictAsync(RunbookRunStart run, CancellationToken ct)
    {
        await using var q = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM runbook_runs WHERE id = $1)");
        q.Parameters.Add(Text(run.Id));
        return await q.ExecuteScalarAsync(ct) is true
            ? $"a runbook run with id {run.Id} exists"
            : $"incident {run.IncidentId} already has a run of runbook {run.Runbook}";
    }

    private static async Task<List<RunbookRun>> ReadRunsAsync(NpgsqlCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var runs = new List<RunbookRun>();
        while (await r.ReadAsync(ct))
            runs.Add(new RunbookRun(r.GetString(0), r.GetString(1), EmergencyText.ParametersFromJson(r.GetString(2)), r.GetString(3),
                Bigint(r, 4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), EmergencyText.ParseStatus(r.GetString(7)),
                Time(r, 8), Text(r, 9), r.GetString(10), r.GetFieldValue<DateTimeOffset>(11)));
        return runs;
    }
}
