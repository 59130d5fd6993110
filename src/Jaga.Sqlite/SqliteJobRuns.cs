using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The job ledger in the SQLite file. Every decision (claim, declaring a run lost) reads and writes under SQLite's
/// write lock (<c>BEGIN IMMEDIATE</c>), so of any number of processes sharing the file exactly one claims an occurrence.</summary>
/// <remarks>Times are milliseconds since the epoch, like the catalog's, and come back in UTC. A run's lease is live while
/// <c>lease_until_ms &gt;= now</c> and expired once it is before now, so a run is either busy or expired, never neither.</remarks>
internal sealed partial class SqliteJobRuns(Func<CancellationToken, Task<SqliteConnection>> connect) : IJobRuns
{
    private const string RunColumns =
        "id, job, occurrence_ms, attempt, node, claimed_at_ms, lease_until_ms, finished_at_ms, outcome, detail";

    private const string Running = "'running'";

    public async Task<bool> RenewAsync(JobRun run, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var c = await connect(ct);
        // A lease that ran out but was not yet declared lost is still its holder's: the run did not stop.
        using var update = Command(c, null,
            $"UPDATE job_runs SET lease_until_ms = $until WHERE id = $id AND node = $node AND outcome = {Running}");
        Add(update, "$until", AuditEntry.ToMilliseconds(now + lease).ToUnixTimeMilliseconds());
        Add(update, "$id", run.Id);
        Add(update, "$node", run.Node);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> FinishAsync(JobRun run, RunOutcome outcome, DateTimeOffset at, string? detail, CancellationToken ct = default) =>
        (await FinishManyAsync([new RunEnd(run, outcome, at, detail)], ct))[0];

    public async Task<IReadOnlyList<bool>> FinishManyAsync(IReadOnlyList<RunEnd> ends, CancellationToken ct = default)
    {
        JobLedgerText.Ends(ends);
        var results = new List<bool>(ends.Count);
        if (ends.Count == 0) return results;
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var update = Command(c, tx, $"""
            UPDATE job_runs SET outcome = $outcome, finished_at_ms = $at, detail = $detail
            WHERE id = $id AND node = $node AND outcome = {Running}
            """);
        var outcome = update.Parameters.Add("$outcome", SqliteType.Text);
        var at = update.Parameters.Add("$at", SqliteType.Integer);
        var detail = update.Parameters.Add("$detail", SqliteType.Text);
        var id = update.Parameters.Add("$id", SqliteType.Integer);
        var node = update.Parameters.Add("$node", SqliteType.Text);
        foreach (var e in ends)
        {
            outcome.Value = e.Outcome.ToText();
            at.Value = AuditEntry.ToMilliseconds(e.At).ToUnixTimeMilliseconds();
            detail.Value = (object?)e.Detail ?? DBNull.Value;
            id.Value = e.Run.Id;
            node.Value = e.Run.Node;
            results.Add(await update.ExecuteNonQueryAsync(ct) == 1);
        }
        await tx.CommitAsync(ct);
        return results;
    }

    public async Task RecordOwnedAsync(IReadOnlyList<OwnedRun> runs, CancellationToken ct = default)
    {
        var checkedRuns = JobLedgerText.Owned(runs);
        if (checkedRuns.Count == 0) return;
        await using var c = await connect(ct);
        // Not worth an fsync: every connection is opened with synchronous=FULL, and this one writes WAL frames that a power
        // cut may lose (the file stays consistent; the next runs replace them).
        await SqliteSql.LazyAsync(c, ct);
        await using var tx = c.BeginTransaction(deferred: false);
        using var upsert = Command(c, tx, $"""
            INSERT INTO job_runs (job, occurrence_ms, attempt, node, claimed_at_ms, lease_until_ms, finished_at_ms, outcome, detail)
            VALUES ($job, $occurrence, 1, $node, $started, $started, $finished, $outcome, $detail)
            ON CONFLICT (job, occurrence_ms, attempt) DO UPDATE SET node = excluded.node, claimed_at_ms = excluded.claimed_at_ms,
              lease_until_ms = excluded.lease_until_ms, finished_at_ms = excluded.finished_at_ms, outcome = excluded.outcome, detail = excluded.detail
            WHERE job_runs.outcome <> {Running}
            """);
        var job = upsert.Parameters.Add("$job", SqliteType.Text);
        var occurrence = upsert.Parameters.Add("$occurrence", SqliteType.Integer);
        var node = upsert.Parameters.Add("$node", SqliteType.Text);
        var started = upsert.Parameters.Add("$started", SqliteType.Integer);
        var finished = upsert.Parameters.Add("$finished", SqliteType.Integer);
        var outcome = upsert.Parameters.Add("$outcome", SqliteType.Text);
        var detail = upsert.Parameters.Add("$detail", SqliteType.Text);
        foreach (var r in checkedRuns)
        {
            job.Value = r.Job;
            occurrence.Value = r.Occurrence.ToUnixTimeMilliseconds();
            node.Value = r.Node;
            started.Value = AuditEntry.ToMilliseconds(r.Started).ToUnixTimeMilliseconds();
            finished.Value = AuditEntry.ToMilliseconds(r.Finished).ToUnixTimeMilliseconds();
            outcome.Value = r.Outcome.ToText();
            detail.Value = (object?)r.Detail ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(ct);
        }
        // Of each job only its newest run and its newest success stay (and any run still running: a claim of run --once).
        using var prune = Command(c, tx, $"""
            DELETE FROM job_runs WHERE job = $job AND outcome <> {Running}
              AND id <> (SELECT id FROM job_runs WHERE job = $job ORDER BY occurrence_ms DESC, attempt DESC LIMIT 1)
              AND id <> coalesce((SELECT id FROM job_runs WHERE job = $job AND outcome = 'succeeded' ORDER BY occurrence_ms DESC, attempt DESC LIMIT 1), -1)
            """);
        var pruned = prune.Parameters.Add("$job", SqliteType.Text);
        foreach (var name in checkedRuns.Select(r => r.Job).Distinct(StringComparer.Ordinal))
        {
            pruned.Value = name;
            await prune.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<JobRun?> RunningAsync(string job, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, $"SELECT {RunColumns} FROM job_runs WHERE job = $job AND outcome = {Running} ORDER BY lease_until_ms DESC, id DESC LIMIT 1");
        Add(q, "$job", job);
        return (await ReadRunsAsync(q, ct)) is [var run, ..] ? run : null;
    }

    public async Task<bool> DeclareDeadAsync(JobRun run, DateTimeOffset now, string detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var c = await connect(ct);
        using var update = Command(c, null,
            $"UPDATE job_runs SET outcome = 'lost', finished_at_ms = $now, detail = $detail WHERE id = $id AND node = $node AND outcome = {Running}");
        Add(update, "$now", AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds());
        Add(update, "$detail", detail);
        Add(update, "$id", run.Id);
        Add(update, "$node", run.Node);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<JobRun>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null,
            $"SELECT {RunColumns} FROM job_runs WHERE outcome = {Running} AND lease_until_ms < $now ORDER BY lease_until_ms, id");
        Add(q, "$now", AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds());
        return await ReadRunsAsync(q, ct);
    }

    public async Task<(bool Declared, JobRun? Retry)> DeclareLostAsync(
        JobRun expired, string node, DateTimeOffset now, TimeSpan lease, bool retry, string detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(expired);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var nowMs = AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds();
        await using var c = await connect(ct);
        await using var tx = c.BeginTransaction(deferred: false);
        // The row's own job, occurrence and attempt are used for the retry, not the caller's copy of them.
        JobRun? lost;
        using (var update = Command(c, tx, $"""
            UPDATE job_runs SET outcome = 'lost', finished_at_ms = $now, detail = $detail
            WHERE id = $id AND outcome = {Running} AND lease_until_ms < $now
            RETURNING {RunColumns}
            """))
        {
            Add(update, "$now", nowMs);
            Add(update, "$detail", detail);
            Add(update, "$id", expired.Id);
            var changed = await ReadRunsAsync(update, ct);
            if (changed.Count != 1) return (false, null);
            lost = changed[0];
        }
        JobRun? next = null;
        if (retry && !await BusyAsync(c, tx, lost.Job, nowMs, ct))
            next = await InsertRunningAsync(c, tx, lost.Job, lost.Occurrence, lost.Attempt + 1, node, now, lease, ct);
        await tx.CommitAsync(ct);
        return (true, next);
    }

    public async Task<bool> RecordSkippedAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, string detail, CancellationToken ct = default)
    {
        occurrence = JobLedgerText.Occurrence(occurrence);
        var nowMs = AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds();
        await using var c = await connect(ct);
        // Every record of an occurrence has an attempt 1, so the unique key alone says whether one exists.
        using var insert = Command(c, null, """
            INSERT INTO job_runs (job, occurrence_ms, attempt, node, claimed_at_ms, lease_until_ms, finished_at_ms, outcome, detail)
            VALUES ($job, $occurrence, 1, $node, $now, $now, $now, 'skipped', $detail)
            ON CONFLICT (job, occurrence_ms, attempt) DO NOTHING
            """);
        Add(insert, "$job", job);
        Add(insert, "$occurrence", occurrence.ToUnixTimeMilliseconds());
        Add(insert, "$node", node);
        Add(insert, "$now", nowMs);
        Add(insert, "$detail", detail);
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        using var q = Command(c, null, "SELECT max(occurrence_ms) FROM job_runs WHERE job = $job");
        Add(q, "$job", job);
        return await q.ExecuteScalarAsync(ct) is long ms ? Time(ms) : null;
    }

    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var c = await connect(ct);
        // Attempts of one occurrence stay together when jobs share an occurrence time.
        using var q = Command(c, null, $"""
            SELECT {RunColumns} FROM job_runs WHERE $job IS NULL OR job = $job
            ORDER BY occurrence_ms DESC, job, attempt DESC LIMIT $limit
            """);
        Add(q, "$job", job);
        Add(q, "$limit", limit);
        return await ReadRunsAsync(q, ct);
    }

    public async Task<IReadOnlyList<JobSummary>> SummariesAsync(CancellationToken ct = default)
    {
        await using var c = await connect(ct);
        // One statement, so a job's last run and last success come from the same moment. The jobs are walked one index seek
        // each (a loose index scan), and each job's newest run and newest success are one more seek each (the unique key and
        // job_runs_succeeded): the cost grows with the number of jobs, not with the runs the ledger holds.
        using var q = Command(c, null, $"""
            WITH RECURSIVE jobs(j) AS (
              SELECT min(job) FROM job_runs
              UNION ALL
              SELECT (SELECT min(job) FROM job_runs WHERE job > jobs.j) FROM jobs WHERE jobs.j IS NOT NULL)
            SELECT {RunColumns}, 0 AS success FROM jobs JOIN job_runs ON id =
              (SELECT id FROM job_runs WHERE job = jobs.j ORDER BY occurrence_ms DESC, attempt DESC LIMIT 1)
            UNION ALL
            SELECT {RunColumns}, 1 AS success FROM jobs JOIN job_runs ON id =
              (SELECT id FROM job_runs WHERE job = jobs.j AND outcome = 'succeeded' ORDER BY occurrence_ms DESC, attempt DESC LIMIT 1)
            ORDER BY job, success
            """);
        await using var r = await q.ExecuteReaderAsync(ct);
        var summaries = new List<JobSummary>();
        while (await r.ReadAsync(ct))
        {
            var run = ReadRun(r);
            if (r.GetInt32(10) == 0) summaries.Add(new JobSummary(run.Job, run, null));
            else summaries[^1] = summaries[^1] with { LastSuccess = run };
        }
        return summaries;
    }

    private static async Task<bool> BusyAsync(SqliteConnection c, SqliteTransaction tx, string job, long nowMs, CancellationToken ct)
    {
        using var q = Command(c, tx,
            $"SELECT EXISTS (SELECT 1 FROM job_runs WHERE job = $job AND outcome = {Running} AND lease_until_ms >= $now)");
        Add(q, "$job", job);
        Add(q, "$now", nowMs);
        return await q.ExecuteScalarAsync(ct) is long found && found != 0;
    }

    private static async Task<JobRun> InsertRunningAsync(SqliteConnection c, SqliteTransaction tx, string job, DateTimeOffset occurrence,
        int attempt, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var claimed = AuditEntry.ToMilliseconds(now);
        var until = AuditEntry.ToMilliseconds(now + lease);
        using var insert = Command(c, tx, $"""
            INSERT INTO job_runs (job, occurrence_ms, attempt, node, claimed_at_ms, lease_until_ms, outcome)
            VALUES ($job, $occurrence, $attempt, $node, $claimed, $until, {Running})
            RETURNING id
            """);
        Add(insert, "$job", job);
        Add(insert, "$occurrence", occurrence.ToUnixTimeMilliseconds());
        Add(insert, "$attempt", attempt);
        Add(insert, "$node", node);
        Add(insert, "$claimed", claimed.ToUnixTimeMilliseconds());
        Add(insert, "$until", until.ToUnixTimeMilliseconds());
        var id = (long)(await insert.ExecuteScalarAsync(ct))!;
        return new JobRun(id, job, occurrence, attempt, node, claimed, until, null, RunOutcome.Running, null);
    }

    private static async Task<List<JobRun>> ReadRunsAsync(SqliteCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var runs = new List<JobRun>();
        while (await r.ReadAsync(ct)) runs.Add(ReadRun(r));
        return runs;
    }

    private static JobRun ReadRun(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Time(r.GetInt64(2)), r.GetInt32(3), r.GetString(4), Time(r.GetInt64(5)), Time(r.GetInt64(6)),
        Time(r, 7), JobLedgerText.ParseOutcome(r.GetString(8)), Text(r, 9));
}
