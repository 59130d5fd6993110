namespace Jaga.Core.Ports;

/// <summary>The record of runbook runs in the state store: each run, the node driving it under a lease, each attempt at each
/// of its steps, and who approved what. PostgreSQL is the arbiter between nodes: starting a run for an incident and taking a
/// run over are atomic, so an incident's runbook starts once and a run has one driver.</summary>
/// <remarks>The store keeps what it is given: callers mask secrets (and bound outputs) before storing, since the record is
/// read by people, the log and <c>jaga runbook runs</c>. Times are passed in by the caller (its <see cref="TimeProvider"/>) and
/// kept to the millisecond; leases assume node clocks agree to well within the lease, as <see cref="IJobRuns"/>'s do.</remarks>
public interface IRunbookRuns
{
    /// <summary>Records a new run, <see cref="RunbookRunStatus.Running"/> and driven by <paramref name="node"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>. Refused (<see cref="ArgumentException"/>) when the id is not eight
    /// lower-case hex digits or is taken, or when the run's incident already has a run of this runbook: a run for an incident
    /// starts through <see cref="StartForIncidentAsync"/>.</summary>
    Task<RunbookRun> StartAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Records a new run as <see cref="StartAsync"/> does unless its incident (required) already has a run of this
    /// runbook: then nothing is recorded and that run is returned with <c>Started</c> false. Atomic across processes and
    /// nodes: of any number of callers for one (incident, runbook), exactly one starts it.</summary>
    Task<(bool Started, RunbookRun Run)> StartForIncidentAsync(RunbookRunStart run, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    Task<RunbookRun?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>Runs of one runbook (or all), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RunbookRun>> ListAsync(string? runbook, int limit, CancellationToken ct = default);

    /// <summary>Moves a run that is active (running or waiting for approval) and driven by <paramref name="node"/> to
    /// <paramref name="status"/> with <paramref name="detail"/>; an ended status also sets its end to <paramref name="at"/>.
    /// False, and nothing changes, when the run has ended or another node took it over.</summary>
    Task<bool> SetStatusAsync(string id, string node, RunbookRunStatus status, DateTimeOffset at, string? detail, CancellationToken ct = default);

    /// <summary>Extends the lease of an active run driven by <paramref name="node"/>; false when it ended or was taken over
    /// (the driver must then stop).</summary>
    Task<bool> RenewAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Makes <paramref name="node"/> the run's driver (<c>jaga runbook resume</c>): running again, leased until
    /// <paramref name="now"/> + <paramref name="lease"/>, its end and detail cleared. Only a run that failed, was interrupted or
    /// waits for approval, or that is running under an expired lease (its driver died), is taken over; null otherwise. Atomic:
    /// of several callers at once, one gets the run.</summary>
    Task<RunbookRun?> TryTakeOverAsync(string id, string node, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Records the start of the next attempt at step <paramref name="index"/> of a run and returns it. An earlier attempt
    /// of that step that never ended (its process died) is ended as <see cref="StepAttemptOutcome.Interrupted"/> at
    /// <paramref name="at"/>.</summary>
    Task<RunbookStepAttempt> StepStartedAsync(string runId, int index, string name, string kind, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records how the latest attempt at step <paramref name="index"/> ended; false when it has no attempt still
    /// running. Outputs longer than <see cref="StepAttemptEnd.MaxOutputChars"/> or tails longer than
    /// <see cref="StepAttemptEnd.MaxTailChars"/> are refused (<see cref="ArgumentException"/>): the caller bounds them.</summary>
    Task<bool> StepFinishedAsync(string runId, int index, StepAttemptEnd end, CancellationToken ct = default);

    /// <summary>Every attempt at every step of a run, by step index, then attempt. A resume skips the steps whose latest attempt
    /// succeeded (<c>Emergency.StepAttempts.Succeeded</c>).</summary>
    Task<IReadOnlyList<RunbookStepAttempt>> StepsAsync(string runId, CancellationToken ct = default);

    /// <summary>Records <paramref name="by"/>'s approval of step <paramref name="stepIndex"/>; false when that person already
    /// approved that step (a second approval must come from someone else).</summary>
    Task<bool> ApproveAsync(string runId, int stepIndex, string by, DateTimeOffset at, string? note, CancellationToken ct = default);

    /// <summary>The approvals of one step of a run, oldest first.</summary>
    Task<IReadOnlyList<RunbookApproval>> ApprovalsAsync(string runId, int stepIndex, CancellationToken ct = default);
}
