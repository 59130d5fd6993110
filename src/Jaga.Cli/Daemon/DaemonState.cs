using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Scheduling;

namespace Jaga.Cli.Daemon;

/// <summary>What the daemon's parts share: the plan it runs now (replaced on a valid reload), the last reload's problem,
/// the state store, the journal and the scheduler.</summary>
internal sealed class DaemonState(LoadedPlan plan, string planText, IStateStore store, MaintenanceJournal journal, Scheduler scheduler, TimeProvider clock, Action<Core.Ledger.AuditEntry> echo)
{
    private volatile Running current = new(plan, planText, journal);

    public LoadedPlan Plan => current.Plan;

    public string PlanText => current.Text;

    public MaintenanceJournal Journal => current.Journal;

    public IStateStore Store { get; } = store;

    public Scheduler Scheduler { get; } = scheduler;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Why the plan file on disk is not the one running (its errors), or null when they agree.</summary>
    public string? ReloadProblem { get; set; }

    /// <summary>A journal for <paramref name="plan"/> whose lines are echoed to the daemon's log too.</summary>
    public MaintenanceJournal NewJournal(LoadedPlan plan, string actor) => new(Store, plan, Clock, actor) { Recorded = echo };

    public void Replace(LoadedPlan plan, string text, MaintenanceJournal journal) => current = new Running(plan, text, journal);

    /// <summary>The daemon's log, for parts that report trouble outside the maintenance log (a store that refuses results).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private Monitoring.MonitorRuntime? monitoring;

    /// <summary>Makes <paramref name="next"/> the monitoring of the running plan. The previous one is disposed once runs
    /// of the old plan had time to finish (its queued results are written, its alerts in flight delivered).</summary>
    public Monitoring.MonitorRuntime ReplaceMonitoring(Monitoring.MonitorRuntime next)
    {
        var previous = Interlocked.Exchange(ref monitoring, next);
        if (previous is not null)
            _ = Task.Delay(current.Plan.Plan.Scheduler.ShutdownTimeout, Clock).ContinueWith(_ => previous.DisposeAsync().AsTask(), TaskScheduler.Default).Unwrap();
        return next;
    }

    /// <summary>On shutdown: writes the last results and lets alerts in flight finish.</summary>
    public async Task StopMonitoringAsync()
    {
        if (Interlocked.Exchange(ref monitoring, null) is { } last) await last.DisposeAsync();
    }

    private sealed record Running(LoadedPlan Plan, string Text, MaintenanceJournal Journal);
}
