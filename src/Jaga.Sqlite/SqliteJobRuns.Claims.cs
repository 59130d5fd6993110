using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

internal sealed partial class SqliteJobRuns
{
    public async Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(
        string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        (await TryClaimManyAsync([(job, occurrence)], node, now, lease, ct))[0];

    public async Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var wanted = JobLedgerText.Claims(claims, lease);
        var results = new List<(ClaimResult, JobRun?)>(wanted.Count);
        if (wanted.Count == 0) return results;
        var nowMs = AuditEntry.ToMilliseconds(now).ToUnixTimeMilliseconds();
        var claimsJson = System.Text.Json.JsonSerializer.Serialize(wanted.Select(w => new[] { w.Job, w.Occurrence.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await using var c = await connect(ct);
        // IMMEDIATE takes the write lock before the checks read, so no other claimer can insert between check and insert.
        await using var tx = c.BeginTransaction(deferred: false);
        // One statement claims every free occurrence (a thousand jobs due at one instant cost one statement, not two thousand);
        // the checks are the single claim's: no record of the occurrence, and no run of the job with a live lease.
        var claimed = new Dictionary<string, JobRun>(StringComparer.Ordinal);
        using (var insert = Command(c, tx, $"""
            INSERT INTO job_runs (job, occurrence_ms, attempt, node, claimed_at_ms, lease_until_ms, outcome)
            SELECT w.value ->> 0, CAST(w.value ->> 1 AS INTEGER), 1, $node, $now, $until, {Running} FROM json_each($claims) AS w
            WHERE NOT EXISTS (SELECT 1 FROM job_runs r WHERE r.job = w.value ->> 0 AND r.occurrence_ms = CAST(w.value ->> 1 AS INTEGER))
              AND NOT EXISTS (SELECT 1 FROM job_runs r WHERE r.job = w.value ->> 0 AND r.outcome = {Running} AND r.lease_until_ms >= $now)
            RETURNING {RunColumns}
            """))
        {
            Add(insert, "$claims", claimsJson);
            Add(insert, "$node", node);
            Add(insert, "$now", nowMs);
            Add(insert, "$until", AuditEntry.ToMilliseconds(now + lease).ToUnixTimeMilliseconds());
            foreach (var run in await ReadRunsAsync(insert, ct)) claimed[run.Job] = run;
        }
        // Only the ones not claimed need telling apart: taken (a record of the occurrence exists) or busy.
        using var check = Command(c, tx, "SELECT EXISTS (SELECT 1 FROM job_runs WHERE job = $job AND occurrence_ms = $occurrence)");
        var jobParameter = check.Parameters.Add("$job", SqliteType.Text);
        var occurrenceParameter = check.Parameters.Add("$occurrence", SqliteType.Integer);
        foreach (var (job, occurrence) in wanted)
        {
            if (claimed.TryGetValue(job, out var run) && run.Occurrence == occurrence)
            {
                results.Add((ClaimResult.Claimed, run));
                continue;
            }
            jobParameter.Value = job;
            occurrenceParameter.Value = occurrence.ToUnixTimeMilliseconds();
            results.Add((await check.ExecuteScalarAsync(ct) is long taken && taken != 0 ? ClaimResult.Taken : ClaimResult.Busy, null));
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
