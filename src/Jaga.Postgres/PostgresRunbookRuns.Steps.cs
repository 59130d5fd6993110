using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The steps and approvals of runbook runs.</summary>
internal sealed partial class PostgresRunbookRuns
{
    private const string StepColumns =
        "run_id, step_index, attempt, name, kind, started_at, ended_at, outcome, exit_code, output, output_tail, detail";

    public async Task<RunbookStepAttempt> StepStartedAsync(string runId, int index, string name, string kind, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // An attempt that never ended belongs to a process that died: the step starting again says how it ended.
        await using var batch = new NpgsqlBatch(c, tx);
        batch.BatchCommands.Add(Statement(
            $"UPDATE runbook_steps SET outcome = '{StepAttemptOutcome.Interrupted.ToText()}', ended_at = $1 WHERE run_id = $2 AND step_index = $3 AND outcome IS NULL",
            Time(at), Text(runId), Integer(index)));
        batch.BatchCommands.Add(Statement($"""
            INSERT INTO runbook_steps (run_id, step_index, attempt, name, kind, started_at)
            SELECT $1, $2, coalesce(max(attempt), 0) + 1, $3, $4, $5 FROM runbook_steps WHERE run_id = $1 AND step_index = $2
            RETURNING {StepColumns}
            """, Text(runId), Integer(index), Text(name), Text(kind), Time(at)));
        RunbookStepAttempt started;
        // The update returns no rows, so the reader starts at the insert's.
        await using (var r = await batch.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            started = ReadStep(r);
        }
        await tx.CommitAsync(ct);
        return started;
    }

    public async Task<bool> StepFinishedAsync(string runId, int index, StepAttemptEnd end, CancellationToken ct = default)
    {
        EmergencyText.End(end);
        await using var update = dataSource.CreateCommand("""
            UPDATE runbook_steps SET outcome = $1, ended_at = $2, exit_code = $3, output = $4, output_tail = $5, detail = $6
            WHERE run_id = $7 AND step_index = $8 AND outcome IS NULL
              AND attempt = (SELECT max(attempt) FROM runbook_steps WHERE run_id = $7 AND step_index = $8)
            """);
        update.Parameters.Add(Text(end.Outcome.ToText()));
        update.Parameters.Add(Time(end.At));
        update.Parameters.Add(Integer(end.ExitCode));
        update.Parameters.Add(Text(end.Output));
        update.Parameters.Add(Text(end.OutputTail));
        update.Parameters.Add(Text(end.Detail));
        update.Parameters.Add(Text(runId));
        update.Parameters.Add(Integer(index));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<RunbookStepAttempt>> StepsAsync(string runId, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand($"SELECT {StepColumns} FROM runbook_steps WHERE run_id = $1 ORDER BY step_index, attempt");
        q.Parameters.Add(Text(runId));
        await using var r = await q.ExecuteReaderAsync(ct);
        var steps = new List<RunbookStepAttempt>();
        while (await r.ReadAsync(ct)) steps.Add(ReadStep(r));
        return steps;
    }

    public async Task<bool> ApproveAsync(string runId, int stepIndex, string by, DateTimeOffset at, string? note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO runbook_approvals (run_id, step_index, approved_by, at, note) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (run_id, step_index, approved_by) DO NOTHING
            """);
        insert.Parameters.Add(Text(runId));
        insert.Parameters.Add(Integer(stepIndex));
        insert.Parameters.Add(Text(by));
        insert.Parameters.Add(Time(at));
        insert.Parameters.Add(Text(note));
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<RunbookApproval>> ApprovalsAsync(string runId, int stepIndex, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand("""
            SELECT run_id, step_index, approved_by, at, note FROM runbook_approvals WHERE run_id = $1 AND step_index = $2 ORDER BY at, seq
            """);
        q.Parameters.Add(Text(runId));
        q.Parameters.Add(Integer(stepIndex));
        await using var r = await q.ExecuteReaderAsync(ct);
        var approvals = new List<RunbookApproval>();
        while (await r.ReadAsync(ct))
            approvals.Add(new RunbookApproval(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), Text(r, 4)));
        return approvals;
    }

    private static RunbookStepAttempt ReadStep(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), Time(r, 6),
        r.IsDBNull(7) ? null : EmergencyText.ParseStepOutcome(r.GetString(7)), r.IsDBNull(8) ? null : r.GetInt32(8),
        Text(r, 9), Text(r, 10), Text(r, 11));
}
