using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

internal sealed partial class SqliteJobLedger
{
    public async Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(
        string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        (await TryClaimManyAsync([(job, occurrence)], node, now, lease, ct))[0];

    public async Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var wanted = claims.Select(c => (c.Job, Occurrence: JobLedgerText.Occurrence(c.Occurrence))).ToList();
        var results = new List<(ClaimResult, JobRun?)>(wanted.Count);
        if (wanted.Count == 0) return results;
        var nowMs = AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds();
        await using var c = await connect(ct);
        // IMMEDIATE takes the write lock before the checks read, so no other claimer can insert between check and insert.
        await using var tx = c.BeginTransaction(deferred: false);
        using var check = Command(c, tx, $"""
            SELECT EXISTS (SELECT 1 FROM job_runs WHERE job = $job AND occurrence_ms = $occurrence),
                   EXISTS (SELECT 1 FROM job_runs WHERE job = $job AND outcome = {Running} AND lease_until_ms >= $now)
            """);
        var jobParameter = check.Parameters.Add("$job", SqliteType.Text);
        var occurrenceParameter = check.Parameters.Add("$occurrence", SqliteType.Integer);
        check.Parameters.AddWithValue("$now", nowMs);
        foreach (var (job, occurrence) in wanted)
        {
            jobParameter.Value = job;
            occurrenceParameter.Value = occurrence.ToUnixTimeMilliseconds();
            bool taken, busy;
            await using (var r = await check.ExecuteReaderAsync(ct))
            {
                await r.ReadAsync(ct);
                (taken, busy) = (r.GetBoolean(0), r.GetBoolean(1));
            }
            if (taken) results.Add((ClaimResult.Taken, null));
            else if (busy) results.Add((ClaimResult.Busy, null));
            else results.Add((ClaimResult.Claimed, await InsertRunningAsync(c, tx, job, occurrence, 1, node, now, lease, ct)));
        }
        await tx.CommitAsync(ct);
        return results;
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOccurrencesAsync(IReadOnlyCollection<string> jobs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (jobs.Count == 0) return last;
        await using var c = await connect(ct);
        // One statement for any number of jobs: the names travel as one JSON array; the (job, occurrence, attempt) key serves each max.
        using var q = Command(c, null, """
            SELECT j.value, (SELECT max(occurrence_ms) FROM job_runs WHERE job = j.value) FROM json_each($jobs) AS j
            """);
        Add(q, "$jobs", System.Text.Json.JsonSerializer.Serialize(jobs));
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            if (!r.IsDBNull(1)) last[r.GetString(0)] = Time(r.GetInt64(1));
        return last;
    }
}
