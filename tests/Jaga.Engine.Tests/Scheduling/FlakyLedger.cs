using Jaga.Core.Errors;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>The real ledger, except that the first <paramref name="failures"/> batch claims fail as a locked SQLite file does,
/// and that every batch claim first awaits <paramref name="beforeClaims"/> (a test holds a pass in the store with it) and,
/// once made, <paramref name="afterClaims"/> (a test holds a pass between its claims and their start).</summary>
internal sealed class FlakyLedger(IJobRuns inner, int failures, Func<Task>? beforeClaims = null, Func<Task>? afterClaims = null) : IJobRuns
{
    private int left = failures;
    private int endTries;

    /// <summary>While true, recording run ends fails as a locked SQLite file does.</summary>
    public bool RefuseEnds { get; set; }

    /// <summary>How many times ends were tried (refused or not).</summary>
    public int EndTries => Volatile.Read(ref endTries);

    public async Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        if (beforeClaims is not null) await beforeClaims();
        if (Interlocked.Decrement(ref left) >= 0)
            throw new StoreUnavailableException("sqlite:state.db: database is locked", new SqliteException("database is locked", 5));
        var claimed = await inner.TryClaimManyAsync(claims, node, now, lease, ct);
        if (afterClaims is not null) await afterClaims();
        return claimed;
    }

    public Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) => inner.TryClaimAsync(job, occurrence, node, now, lease, ct);

    public Task<bool> RenewAsync(JobRun run, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) => inner.RenewAsync(run, now, lease, ct);

    public Task<bool> FinishAsync(JobRun run, RunOutcome outcome, DateTimeOffset at, string? detail, CancellationToken ct = default) => inner.FinishAsync(run, outcome, at, detail, ct);

    public Task<IReadOnlyList<bool>> FinishManyAsync(IReadOnlyList<RunEnd> ends, CancellationToken ct = default)
    {
        Interlocked.Increment(ref endTries);
        return RefuseEnds ? throw new SqliteException("database is locked", 5) : inner.FinishManyAsync(ends, ct);
    }

    public Task RecordOwnedAsync(IReadOnlyList<OwnedRun> runs, CancellationToken ct = default)
    {
        Interlocked.Increment(ref endTries);
        return RefuseEnds ? throw new SqliteException("database is locked", 5) : inner.RecordOwnedAsync(runs, ct);
    }

    public Task<JobRun?> RunningAsync(string job, CancellationToken ct = default) => inner.RunningAsync(job, ct);

    public Task<bool> DeclareDeadAsync(JobRun run, DateTimeOffset now, string detail, CancellationToken ct = default) => inner.DeclareDeadAsync(run, now, detail, ct);

    public Task<IReadOnlyList<JobRun>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default) => inner.ExpiredAsync(now, ct);

    public Task<(bool Declared, JobRun? Retry)> DeclareLostAsync(JobRun expired, string node, DateTimeOffset now, TimeSpan lease, bool retry, string detail, CancellationToken ct = default) => inner.DeclareLostAsync(expired, node, now, lease, retry, detail, ct);

    public Task<bool> RecordSkippedAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, string detail, CancellationToken ct = default) => inner.RecordSkippedAsync(job, occurrence, node, now, detail, ct);

    public Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct = default) => inner.LastOccurrenceAsync(job, ct);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOccurrencesAsync(IReadOnlyCollection<string> jobs, CancellationToken ct = default) => inner.LastOccurrencesAsync(jobs, ct);

    public Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken ct = default) => inner.HistoryAsync(job, limit, ct);

    public Task<IReadOnlyList<JobSummary>> SummariesAsync(CancellationToken ct = default) => inner.SummariesAsync(ct);
}
