using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IRunbookRuns"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedRunbookRuns(IRunbookRuns inner, StoreGuard guard) : IRunbookRuns
{
    public Task<RunbookRun> StartAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.StartAsync(run, node, now, lease, ct));

    public Task<(bool Started, RunbookRun Run)> StartForIncidentAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.StartForIncidentAsync(run, node, now, lease, ct));

    public Task<RunbookRun?> GetAsync(string id, CancellationToken ct = default) => guard.Run(() => inner.GetAsync(id, ct));

    public Task<IReadOnlyList<RunbookRun>> ListAsync(string? runbook, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.ListAsync(runbook, limit, ct));

    public Task<bool> SetStatusAsync(string id, string node, RunbookRunStatus status, DateTimeOffset at, string? detail, CancellationToken ct = default) =>
        guard.Run(() => inner.SetStatusAsync(id, node, status, at, detail, ct));

    public Task<bool> RenewAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.RenewAsync(id, node, now, lease, ct));

    public Task<RunbookRun?> TryTakeOverAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default) =>
        guard.Run(() => inner.TryTakeOverAsync(id, node, now, lease, ct));

    public Task<RunbookStepAttempt> StepStartedAsync(string runId, int index, string name, string kind, DateTimeOffset at, CancellationToken ct = default) =>
        guard.Run(() => inner.StepStartedAsync(runId, index, name, kind, at, ct));

    public Task<bool> StepFinishedAsync(string runId, int index, StepAttemptEnd end, CancellationToken ct = default) =>
        guard.Run(() => inner.StepFinishedAsync(runId, index, end, ct));

    public Task<IReadOnlyList<RunbookStepAttempt>> StepsAsync(string runId, CancellationToken ct = default) => guard.Run(() => inner.StepsAsync(runId, ct));

    public Task<bool> ApproveAsync(string runId, int stepIndex, string by, DateTimeOffset at, string? note, CancellationToken ct = default) =>
        guard.Run(() => inner.ApproveAsync(runId, stepIndex, by, at, note, ct));

    public Task<IReadOnlyList<RunbookApproval>> ApprovalsAsync(string runId, int stepIndex, CancellationToken ct = default) =>
        guard.Run(() => inner.ApprovalsAsync(runId, stepIndex, ct));
}
