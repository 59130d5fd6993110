using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>What a runbook run needs from the rest of Jaga, wired once by the composition root: the plan, the run record,
/// the journal, the incidents, backups and restores, a probe of the plan's checks, the notify channels, and the clocks.</summary>
/// <param name="Plan">The plan: its runbooks, checks, jobs, channels, variables and secrets.</param>
/// <param name="Runs">The record of runs, steps and approvals.</param>
/// <param name="Journal">Where each act is written: one maintenance-log line and one audit entry.</param>
/// <param name="Incidents">Where a run of an incident adds its lines to the timeline.</param>
/// <param name="Backup">What <c>backup</c> and <c>restore</c> steps use.</param>
/// <param name="Clock">The plan's time: the times recorded.</param>
/// <param name="RealTime">The time of waits for the world: timeouts, polls, leases, sleeps.</param>
public sealed record RunbookServices(
    LoadedPlan Plan, IRunbookRuns Runs, MaintenanceJournal Journal, IncidentLog Incidents, BackupServices Backup, TimeProvider Clock, TimeProvider RealTime)
{
    /// <summary>Probes and judges one of the plan's checks without acting on the result (a <c>wait_for</c> step's look).</summary>
    public required Func<Check, CancellationToken, Task<CheckResult>> Probe { get; init; }

    /// <summary>Sends a <c>notify</c> step's message.</summary>
    public required RunbookNotifier Notifier { get; init; }

    /// <summary>Sends <c>http</c> steps' requests (the checks' client); not disposed here.</summary>
    public required ProbeHttp Http { get; init; }

    /// <summary>How long a run's driver holds it without renewing: a driver that died is found by its lease running out,
    /// and <c>jaga runbook resume</c> (or another node) takes the run over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an <c>approve</c> step looks for new approvals, and a <c>wait_for</c> step probes its check.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The process that drives runs here (<c>host:pid:random</c>), as the job ledger names nodes.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long a <c>run</c> step's process group gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);
}
