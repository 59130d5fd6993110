namespace Jaga.Core.Ports;

/// <summary>The scheduler's record in the state store: who claimed which occurrence of which job, under which lease, and how
/// it ended. PostgreSQL is the arbiter between nodes: a claim is atomic, so each (job, occurrence) runs on exactly one node,
/// and a job never runs on two nodes at once.</summary>
/// <remarks>Times are passed in by the caller (its <see cref="TimeProvider"/>); leases therefore assume node clocks agree
/// to well within the lease (NTP), which <c>docs/deploy.md</c> states.</remarks>
public interface IJobRuns
{
    /// <summary>Claims <paramref name="occurrence"/> of <paramref name="job"/> for <paramref name="node"/> as attempt 1, leased
    /// until <paramref name="now"/> + <paramref name="lease"/>. <see cref="ClaimResult.Taken"/> when any attempt of this occurrence
    /// already exists; <see cref="ClaimResult.Busy"/> when another occurrence of the job is running with a live lease (no
    /// overlap, on any node). Atomic across processes and nodes.</summary>
    Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Claims many occurrences (each of a different job) as <see cref="TryClaimAsync"/> would, one by one, but in one
    /// transaction: the scheduler claims everything due at one instant at once, so a thousand jobs due together cost one
    /// commit, not a thousand. Results are in the order of <paramref name="claims"/>.</summary>
    Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Extends the lease of a run still running and held by its node; false when it ended or was taken over.</summary>
    Task<bool> RenewAsync(JobRun run, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Records how a run ended. Only a run still <see cref="RunOutcome.Running"/> and held by its node changes;
    /// false otherwise (it was declared lost meanwhile), and the record is left as it is.</summary>
    Task<bool> FinishAsync(JobRun run, RunOutcome outcome, DateTimeOffset at, string? detail, CancellationToken ct = default);

    /// <summary>Records how many runs ended, as <see cref="FinishAsync"/> would one by one, in one transaction (one commit for a
    /// thousand runs that ended together). Results are in the order of <paramref name="ends"/>.</summary>
    Task<IReadOnlyList<bool>> FinishManyAsync(IReadOnlyList<RunEnd> ends, CancellationToken ct = default);

    /// <summary>Records finished runs of jobs a node owns instead of claiming each run (checks: thousands of runs a minute,
    /// none worth an exactly-once claim), in one transaction, and keeps of each such job only its newest run and its newest
    /// success, so the ledger does not grow with every probe. A run of an occurrence already recorded replaces it, unless
    /// that record is still running (a claim of <c>jaga run --once</c>). Not made durable at commit: a power cut may lose
    /// the last second of these records, which the next runs replace.</summary>
    Task RecordOwnedAsync(IReadOnlyList<OwnedRun> runs, CancellationToken ct = default);

    /// <summary>The run of <paramref name="job"/> still <see cref="RunOutcome.Running"/> (its lease live or expired), or null.</summary>
    Task<JobRun?> RunningAsync(string job, CancellationToken ct = default);

    /// <summary>Declares a running run lost at once, whatever its lease, because the caller proved its holder dead (a
    /// process on this machine that no longer exists): outcome <see cref="RunOutcome.Lost"/>, finished at
    /// <paramref name="now"/>, with <paramref name="detail"/>. False when it is no longer running or not held by its node.</summary>
    Task<bool> DeclareDeadAsync(JobRun run, DateTimeOffset now, string detail, CancellationToken ct = default);

    /// <summary>Runs still <see cref="RunOutcome.Running"/> whose lease ended before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<JobRun>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Declares an expired run lost (outcome <see cref="RunOutcome.Lost"/>, finished at <paramref name="now"/>, with
    /// <paramref name="detail"/>). When <paramref name="retry"/> is true, also claims the next attempt of the same occurrence for
    /// <paramref name="node"/> in the same transaction and returns it. Only one node wins: false (and no attempt) when the run
    /// is no longer running or its lease was renewed.</summary>
    Task<(bool Declared, JobRun? Retry)> DeclareLostAsync(JobRun expired, string node, DateTimeOffset now, TimeSpan lease, bool retry, string detail, CancellationToken ct = default);

    /// <summary>Records an occurrence that was not run (<c>catch_up: skip</c>), unless some record of it exists; true when
    /// this call recorded it (so only one node logs the skip).</summary>
    Task<bool> RecordSkippedAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, string detail, CancellationToken ct = default);

    /// <summary>The newest occurrence of <paramref name="job"/> with any record, or null when it never ran.</summary>
    Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct = default);

    /// <summary>The newest occurrence with any record of each of <paramref name="jobs"/>, in one query; a job that never ran is absent.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOccurrencesAsync(IReadOnlyCollection<string> jobs, CancellationToken ct = default);

    /// <summary>Runs of one job (or all), newest occurrence first (then newest attempt), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken ct = default);

    /// <summary>Per job: its newest run, and its newest run that succeeded (for status and metrics).</summary>
    Task<IReadOnlyList<JobSummary>> SummariesAsync(CancellationToken ct = default);
}
