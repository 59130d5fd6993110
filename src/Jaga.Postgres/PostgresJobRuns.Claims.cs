using System.Data;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Npgsql;
using NpgsqlTypes;

using static Jaga.Postgres.PostgresSql;

namespace Jaga.Postgres;

internal sealed partial class PostgresJobRuns
{
    public async Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(
        string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        (await TryClaimManyAsync([(job, occurrence)], node, now, lease, ct))[0];

    public async Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var wanted = JobLedgerText.Claims(claims, lease);
        var results = new (ClaimResult, JobRun?)[wanted.Count];
        if (wanted.Count == 0) return results;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        // Read committed gives each statement a fresh snapshot: the checks run after the job's lock is held, so they see
        // every claim committed by an earlier holder. (Repeatable read would see the table as of the lock wait.)
        await using var tx = await c.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        // Locks are taken in job order, as every node does, so two nodes claiming overlapping sets cannot deadlock.
        foreach (var i in Enumerable.Range(0, wanted.Count).OrderBy(i => wanted[i].Job, StringComparer.Ordinal))
        {
            var (job, occurrence) = wanted[i];
            await using (var batch = new NpgsqlBatch(c, tx))
            {
                batch.BatchCommands.Add(Statement(LockJob, Text(job)));
                batch.BatchCommands.Add(Statement($"""
                    SELECT EXISTS (SELECT 1 FROM job_runs WHERE job = $1 AND occurrence = $2),
                           EXISTS (SELECT 1 FROM job_runs WHERE job = $1 AND outcome = {Running} AND lease_until >= $3)
                    """, Text(job), Time(occurrence), Time(now)));
                await using var r = await batch.ExecuteReaderAsync(ct);
                await r.NextResultAsync(ct);
                await r.ReadAsync(ct);
                if (r.GetBoolean(0)) { results[i] = (ClaimResult.Taken, null); continue; }
                if (r.GetBoolean(1)) { results[i] = (ClaimResult.Busy, null); continue; }
            }
            // ON CONFLICT rather than catching the violation: an error would abort the whole transaction, every claim in it.
            // A record written without the job's lock (a skipped occurrence) may have got there first.
            var run = await InsertRunningAsync(c, tx, job, occurrence, 1, node, now, lease, ct);
            results[i] = run is null ? (ClaimResult.Taken, null) : (ClaimResult.Claimed, run);
        }
        // Not cancelled halfway: committed claims whose caller saw a cancellation would only be found lost later.
        await tx.CommitAsync(CancellationToken.None);
        return results;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOccurrencesAsync(IReadOnlyCollection<string> jobs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (jobs.Count == 0) return last;
        await using var q = dataSource.CreateCommand(
            "SELECT j, (SELECT max(occurrence) FROM job_runs WHERE job = j) FROM unnest($1::text[]) AS j");
        q.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. jobs], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (!r.IsDBNull(1)) last[r.GetString(0)] = r.GetFieldValue<DateTimeOffset>(1);
        return last;
    }
}
