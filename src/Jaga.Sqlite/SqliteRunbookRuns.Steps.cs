using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The steps and approvals of runbook runs.</summary>
internal sealed partial class SqliteRunbookRuns
{
    private const string StepColumns =
        "run_id, step_index, attempt, name, kind, started_at_ms, ended_at_ms, outcome, exit_code, output, output_tail, detail";

    public async Task<RunbookStepAttempt> StepStartedAsync(string runId, int index, string name, string kind, DateTimeOffset at, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        // An attempt that never ended belongs to a process that died: the step starting again says how it ended.
        using (var interrupted = Command(c, tx, $"""
            UPDATE runbook_steps SET outcome = '{StepAttemptOutcome.Interrupted.ToText()}', ended_at_ms = $at
            WHERE run_id = $run AND step_index = $index AND outcome IS NULL
            """))
        {
            Add(interrupted, "$at", Ms(at));
            Add(interrupted, "$run", runId);
            Add(interrupted, "$index", index);
            await interrupted.ExecuteNonQueryAsync(ct);
        }
        using var insert = Command(c, tx, $"""
            INSERT INTO runbook_steps (run_id, step_index, attempt, name, kind, started_at_ms)
            SELECT $run, $index, coalesce(max(attempt), 0) + 1, $name, $kind, $at FROM runbook_steps WHERE run_id = $run AND step_index = $index
            RETURNING {StepColumns}
            """);
        Add(insert, "$run", runId);
        Add(insert, "$index", index);
        Add(insert, "$name", name);
        Add(insert, "$kind", kind);
        Add(insert, "$at", Ms(at));
        var started = (await ReadStepsAsync(insert, ct))[0];
        await tx.CommitAsync(ct);
        return started;
    }

    public async Task<bool> StepFinishedAsync(string runId, int index, StepAttemptEnd end, CancellationToken ct = default)
    {
        EmergencyText.End(end);
        await using var c = await connect(ct);
        using var update = Command(c, null, """
            UPDATE runbook_steps SET outcome = $outcome, ended_at_ms = $at, exit_code = $exit, output = $output, output_tail = $tail, detail = $detail
            WHERE run_id = $run AND step_index = $index AND outcome IS NULL
              AND attempt = (SELECT max(attempt) FROM runbook_steps WHERE run_id = $run AND step_index = $index)
            """);
        Add(update, "$outcome", end.Outcome.ToText());
        Add(update, "$at", Ms(end.At));
        Add(update, "$exit", end.ExitCode);
        Add(update, "$output", end.Output);
        Add(update, "$tail", end.OutputTail);
        Add(update, "$detail", end.Detail);
        Add(update, "$run", runId);
        Add(update, "$index", index);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<RunbookStepAttempt>> StepsAsync(string runId, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {StepColumns} FROM runbook_steps WHERE run_id = $run ORDER BY step_index, attempt");
        Add(q, "$run", runId);
        return await ReadStepsAsync(q, ct);
    }

    public async Task<bool> ApproveAsync(string runId, int stepIndex, string by, DateTimeOffset at, string? note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await using var c = await connect(ct);
        using var insert = Command(c, null, """
            INSERT INTO runbook_approvals (run_id, step_index, approved_by, at_ms, note) VALUES ($run, $index, $by, $at, $note)
            ON CONFLICT (run_id, step_index, approved_by) DO NOTHING
            """);
        Add(insert, "$run", runId);
        Add(insert, "$index", stepIndex);
        Add(insert, "$by", by);
        Add(insert, "$at", Ms(at));
        Add(insert, "$note", note);
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<RunbookApproval>> ApprovalsAsync(string runId, int stepIndex, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, """
            SELECT run_id, step_index, approved_by, at_ms, note FROM runbook_approvals WHERE run_id = $run AND step_index = $index
            ORDER BY at_ms, rowid
            """);
        Add(q, "$run", runId);
        Add(q, "$index", stepIndex);
        await using var r = await q.ExecuteReaderAsync(ct);
        var approvals = new List<RunbookApproval>();
        while (await r.ReadAsync(ct))
            approvals.Add(new RunbookApproval(r.GetString(0), r.GetInt32(1), r.GetString(2), Time(r.GetInt64(3)), Text(r, 4)));
        return approvals;
    }

    private static async Task<List<RunbookStepAttempt>> ReadStepsAsync(SqliteCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var steps = new List<RunbookStepAttempt>();
        while (await r.ReadAsync(ct))
            steps.Add(new RunbookStepAttempt(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4), Time(r.GetInt64(5)),
                Time(r, 6), r.IsDBNull(7) ? null : EmergencyText.ParseStepOutcome(r.GetString(7)), r.IsDBNull(8) ? null : r.GetInt32(8),
                Text(r, 9), Text(r, 10), Text(r, 11)));
        return steps;
    }
}
