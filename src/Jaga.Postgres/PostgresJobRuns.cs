using System.Data;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

/// <summary>The job ledger in the PostgreSQL database, the arbiter between nodes. A claim, and declaring a run lost with a
/// retry, first take a transaction-scoped advisory lock on the job, so the "is another occurrence running?" check and the
/// insert are one step for every node; the unique key on (job, occurrence, attempt) is the final guard.</summary>
/// <remarks>Times are <c>timestamptz</c> at millisecond precision, like the catalog's, and come back in UTC. A run's lease is live
/// while <c>lease_until &gt;= now</c> and expired once it is before now, so a run is either busy or expired, never neither.</remarks>
internal sealed partial class PostgresJobRuns(NpgsqlDataSource dataSource) : IJobRuns
{
    private const string RunColumns = "id, job, occurrence, attempt, node, claimed_at, lease_until, finished_at, outcome, detail";

    private const string Running = "'running'";

    /// <summary>Serialises the deciding transactions of one job (not of all jobs). The prefix keeps the key space apart from
    /// other users of advisory locks in the database; a hash collision between two jobs only makes them wait for each other.</summary>
    private const string LockJob = "SELECT pg_advisory_xact_lock(hashtextextended('jaga.job:' || $1, 0))";

    public async Task<bool> RenewAsync(JobRun run, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        // A lease that ran out but was not yet declared lost is still its holder's: the run did not stop. Racing a declarer,
        // the row's lock orders the two and each re-tests its WHERE against the other's result.
        await using var update = dataSource.CreateCommand(
            $"UPDATE job_runs SET lease_until = $1 WHERE id = $2 AND node = $3 AND outcome = {Running}");
        update.Parameters.Add(Time(now + lease));
        update.Parameters.Add(Id(run.Id));
        update.Parameters.Add(Text(run.Node));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> FinishAsync(JobRun run, RunOutcome outcome, DateTimeOffset at, string? detail, CancellationToken ct = default) =>
        (await FinishManyAsync([new RunEnd(run, outcome, at, detail)], ct))[0];

    public async Task<IReadOnlyList<bool>> FinishManyAsync(IReadOnlyList<RunEnd> ends, CancellationToken ct = default)
    {
        JobLedgerText.Ends(ends);
        var results = new bool[ends.Count];
        if (ends.Count == 0) return results;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // One batch, one round trip and one commit; each statement keeps the single finish's conditions.
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            foreach (var e in ends)
                batch.BatchCommands.Add(Statement(
                    $"UPDATE job_runs SET outcome = $1, finished_at = $2, detail = $3 WHERE id = $4 AND node = $5 AND outcome = {Running}",
                    Text(e.Outcome.ToText()), Time(e.At), Text(e.Detail), Id(e.Run.Id), Text(e.Run.Node)));
            await batch.ExecuteNonQueryAsync(ct);
            for (var i = 0; i < ends.Count; i++) results[i] = batch.BatchCommands[i].RecordsAffected == 1;
        }
        await tx.CommitAsync(ct);
        return results;
    }

    public async Task RecordOwnedAsync(IReadOnlyList<OwnedRun> runs, CancellationToken ct = default)
    {
        var checkedRuns = JobLedgerText.Owned(runs);
        if (checkedRuns.Count == 0) return;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(c, tx))
        {
            // Not worth waiting for the WAL flush: a crash of the server may lose the last of these, which the next runs replace.
            batch.BatchCommands.Add(Statement("SET LOCAL synchronous_commit = off"));
            foreach (var r in checkedRuns)
                batch.BatchCommands.Add(Statement($"""
                    INSERT INTO job_runs (job, occurrence, attempt, node, claimed_at, lease_until, finished_at, outcome, detail)
                    VALUES ($1, $2, 1, $3, $4, $4, $5, $6, $7)
                    ON CONFLICT (job, occurrence, attempt) DO UPDATE SET node = excluded.node, claimed_at = excluded.claimed_at,
                      lease_until = excluded.lease_until, finished_at = excluded.finished_at, outcome = excluded.outcome, detail = excluded.detail
                    WHERE job_runs.outcome <> {Running}
                    """,
                    Text(r.Job), Time(r.Occurrence), Text(r.Node), Time(r.Started), Time(r.Finished), Text(r.Outcome.ToText()), Text(r.Detail)));
            // Of each job only its newest run and its newest success stay (and any run still running: a claim of run --once).
            foreach (var job in checkedRuns.Select(r => r.Job).Distinct(StringComparer.Ordinal))
                batch.BatchCommands.Add(Statement($"""
                    DELETE FROM job_runs WHERE job = $1 AND outcome <> {Running}
                      AND id <> (SELECT id FROM job_runs WHERE job = $1 ORDER BY occurrence DESC, attempt DESC LIMIT 1)
                      AND id <> coalesce((SELECT id FROM job_runs WHERE job = $1 AND outcome = 'succeeded' ORDER BY occurrence DESC, attempt DESC LIMIT 1), -1)
                    """, Text(job)));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<JobRun?> RunningAsync(string job, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            $"SELECT {RunColumns} FROM job_runs WHERE job = $1 AND outcome = {Running} ORDER BY lease_until DESC, id DESC LIMIT 1");
        q.Parameters.Add(Text(job));
        return (await ReadRunsAsync(q, ct)) is [var run, ..] ? run : null;
    }

    public async Task<bool> DeclareDeadAsync(JobRun run, DateTimeOffset now, string detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var update = dataSource.CreateCommand(
            $"UPDATE job_runs SET outcome = 'lost', finished_at = $1, detail = $2 WHERE id = $3 AND node = $4 AND outcome = {Running}");
        update.Parameters.Add(Time(now));
        update.Parameters.Add(Text(detail));
        update.Parameters.Add(Id(run.Id));
        update.Parameters.Add(Text(run.Node));
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<JobRun>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand(
            $"SELECT {RunColumns} FROM job_runs WHERE outcome = {Running} AND lease_until < $1 ORDER BY lease_until, id");
        q.Parameters.Add(Time(now));
        return await ReadRunsAsync(q, ct);
    }

    public async Task<(bool Declared, JobRun? Retry)> DeclareLostAsync(
        JobRun expired, string node, DateTimeOffset now, TimeSpan lease, bool retry, string detail, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(expired);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        // The job's lock, as a claim takes it: a retry must not start beside an occurrence claimed meanwhile. The update
        // matches the job too, so the lock taken is the row's job's. The retry uses the row's occurrence and attempt.
        await using var batch = new NpgsqlBatch(c, tx);
        batch.BatchCommands.Add(Statement(LockJob, Text(expired.Job)));
        batch.BatchCommands.Add(Statement($"""
            UPDATE job_runs SET outcome = 'lost', finished_at = $1, detail = $2
            WHERE id = $3 AND job = $4 AND outcome = {Running} AND lease_until < $1
            RETURNING {RunColumns}
            """, Time(now), Text(detail), Id(expired.Id), Text(expired.Job)));
        batch.BatchCommands.Add(Statement(
            $"SELECT EXISTS (SELECT 1 FROM job_runs WHERE job = $1 AND outcome = {Running} AND lease_until >= $2)",
            Text(expired.Job), Time(now)));
        JobRun lost;
        bool busy;
        await using (var r = await batch.ExecuteReaderAsync(ct))
        {
            await r.NextResultAsync(ct);
            if (!await r.ReadAsync(ct)) return (false, null);
            lost = ReadRun(r);
            await r.NextResultAsync(ct);
            await r.ReadAsync(ct);
            busy = r.GetBoolean(0);
        }
        var next = retry && !busy ? await InsertRunningAsync(c, tx, lost.Job, lost.Occurrence, lost.Attempt + 1, node, now, lease, ct) : null;
        await tx.CommitAsync(ct);
        return (true, next);
    }

    public async Task<bool> RecordSkippedAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, string detail, CancellationToken ct = default)
    {
        occurrence = JobLedgerText.Occurrence(occurrence);
        // Every record of an occurrence has an attempt 1, so the unique key alone says whether one exists.
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO job_runs (job, occurrence, attempt, node, claimed_at, lease_until, finished_at, outcome, detail)
            VALUES ($1, $2, 1, $3, $4, $4, $4, 'skipped', $5)
            ON CONFLICT (job, occurrence, attempt) DO NOTHING
            """);
        insert.Parameters.Add(Text(job));
        insert.Parameters.Add(Time(occurrence));
        insert.Parameters.Add(Text(node));
        insert.Parameters.Add(Time(now));
        insert.Parameters.Add(Text(detail));
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct = default)
    {
        await using var q = dataSource.CreateCommand("SELECT max(occurrence) FROM job_runs WHERE job = $1");
        q.Parameters.Add(Text(job));
        await using var r = await q.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return Time(r, 0);
    }

    public async Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // Attempts of one occurrence stay together when jobs share an occurrence time.
        await using var q = dataSource.CreateCommand($"""
            SELECT {RunColumns} FROM job_runs WHERE $1::text IS NULL OR job = $1
            ORDER BY occurrence DESC, job, attempt DESC LIMIT $2
            """);
        q.Parameters.Add(Text(job));
        q.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadRunsAsync(q, ct);
    }

    public async Task<IReadOnlyList<JobSummary>> SummariesAsync(CancellationToken ct = default)
    {
        // One statement, so a job's last run and last success come from the same snapshot. The jobs are walked one index
        // seek each (a loose index scan), and each job's newest run and newest success are one more seek each (the unique
        // key and job_runs_succeeded): the cost grows with the number of jobs, not with the runs the ledger holds.
        await using var q = dataSource.CreateCommand($"""
            WITH RECURSIVE jobs(j) AS (
              (SELECT job FROM job_runs ORDER BY job LIMIT 1)
              UNION ALL
              SELECT (SELECT job FROM job_runs WHERE job > jobs.j ORDER BY job LIMIT 1) FROM jobs WHERE jobs.j IS NOT NULL)
            SELECT {RunColumns}, 0 AS success FROM jobs JOIN LATERAL
              (SELECT * FROM job_runs WHERE job = jobs.j ORDER BY occurrence DESC, attempt DESC LIMIT 1) AS last ON true
            UNION ALL
            SELECT {RunColumns}, 1 AS success FROM jobs JOIN LATERAL
              (SELECT * FROM job_runs WHERE job = jobs.j AND outcome = 'succeeded' ORDER BY occurrence DESC, attempt DESC LIMIT 1) AS good ON true
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

    /// <summary>Inserts a running attempt, or nothing (null) when a record of that attempt exists.</summary>
    private static async Task<JobRun?> InsertRunningAsync(NpgsqlConnection c, NpgsqlTransaction tx, string job, DateTimeOffset occurrence,
        int attempt, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO job_runs (job, occurrence, attempt, node, claimed_at, lease_until, outcome)
            VALUES ($1, $2, $3, $4, $5, $6, {Running})
            ON CONFLICT (job, occurrence, attempt) DO NOTHING
            RETURNING {RunColumns}
            """, c, tx);
        insert.Parameters.Add(Text(job));
        insert.Parameters.Add(Time(occurrence));
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = attempt });
        insert.Parameters.Add(Text(node));
        insert.Parameters.Add(Time(now));
        insert.Parameters.Add(Time(now + lease));
        return (await ReadRunsAsync(insert, ct)) is [var run] ? run : null;
    }

    private static async Task<List<JobRun>> ReadRunsAsync(NpgsqlCommand q, CancellationToken ct)
    {
        await using var r = await q.ExecuteReaderAsync(ct);
        var runs = new List<JobRun>();
        while (await r.ReadAsync(ct)) runs.Add(ReadRun(r));
        return runs;
    }

    private static JobRun ReadRun(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetInt32(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
        r.GetFieldValue<DateTimeOffset>(6), Time(r, 7), JobLedgerText.ParseOutcome(r.GetString(8)), Text(r, 9));
}
