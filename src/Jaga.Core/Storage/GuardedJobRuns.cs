using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IJobRuns"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedJobRuns(IJobRuns inner, StoreGuard guard) : IJobRuns
{
    public Task<(ClaimResult Result, JobRun? Run)> TryClaimAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.TryClaimAsync(job, occurrence, node, now, lease, ct));

    public Task<IReadOnlyList<(ClaimResult Result, JobRun? Run)>> TryClaimManyAsync(
        IReadOnlyList<(string Job, DateTimeOffset Occurrence)> claims, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.TryClaimManyAsync(claims, node, now, lease, ct));

    public Task<bool> RenewAsync(JobRun run, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.RenewAsync(run, now, lease, ct));

    public Task<bool> FinishAsync(JobRun run, RunOutcome outcome, DateTimeOffset at, string? detail, CancellationToken ct = default) =>
        guard.Run(() => inner.FinishAsync(run, outcome, at, detail, ct));

    public Task<IReadOnlyList<bool>> FinishManyAsync(IReadOnlyList<RunEnd> ends, CancellationToken ct = default) =>
        guard.Run(() => inner.FinishManyAsync(ends, ct));

    public Task RecordOwnedAsync(IReadOnlyList<OwnedRun> runs, CancellationToken ct = default) => guard.Run(() => inner.RecordOwnedAsync(runs, ct));

    public Task<JobRun?> RunningAsync(string job, CancellationToken ct = default) => guard.Run(() => inner.RunningAsync(job, ct));

    public Task<bool> DeclareDeadAsync(JobRun run, DateTimeOffset now, string detail, CancellationToken ct = default) =>
        guard.Run(() => inner.DeclareDeadAsync(run, now, detail, ct));

    public Task<IReadOnlyList<JobRun>> ExpiredAsync(DateTimeOffset now, CancellationToken ct = default) =>
        guard.Run(() => inner.ExpiredAsync(now, ct));

    public Task<(bool Declared, JobRun? Retry)> DeclareLostAsync(
        JobRun expired, string node, DateTimeOffset now, TimeSpan lease, bool retry, string detail, CancellationToken ct = default) =>
        guard.Run(() => inner.DeclareLostAsync(expired, node, now, lease, retry, detail, ct));

    public Task<bool> RecordSkippedAsync(string job, DateTimeOffset occurrence, string node, DateTimeOffset now, string detail, CancellationToken ct = default) =>
        guard.Run(() => inner.RecordSkippedAsync(job, occurrence, node, now, detail, ct));

    public Task<DateTimeOffset?> LastOccurrenceAsync(string job, CancellationToken ct = default) =>
        guard.Run(() => inner.LastOccurrenceAsync(job, ct));

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> LastOccurrencesAsync(IReadOnlyCollection<string> jobs, CancellationToken ct = default) =>
        guard.Run(() => inner.LastOccurrencesAsync(jobs, ct));

    public Task<IReadOnlyList<JobRun>> HistoryAsync(string? job, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.HistoryAsync(job, limit, ct));

    public Task<IReadOnlyList<JobSummary>> SummariesAsync(CancellationToken ct = default) =>
        guard.Run(() => inner.SummariesAsync(ct));
}
