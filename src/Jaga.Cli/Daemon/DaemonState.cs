using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Scheduling;

namespace Jaga.Cli.Daemon;

/// <summary>What the daemon's parts share: the plan it runs now (replaced on a valid reload), the last reload's problem,
/// the state store, the journal and the scheduler.</summary>
internal sealed partial class DaemonState(LoadedPlan plan, string planText, IStateStore store, MaintenanceJournal journal, Scheduler scheduler, TimeProvider clock, Action<Core.Ledger.AuditEntry> echo) : IDisposable
{
    private volatile Running current = new(plan, planText, journal);

    public LoadedPlan Plan => current.Plan;

    public string PlanText => current.Text;

    public MaintenanceJournal Journal => current.Journal;

    public IStateStore Store { get; } = store;

    /// <summary>The address the daemon listens on: the plan's <c>listen</c> at start (a change takes a restart). It decides
    /// whether a heartbeat check's name may serve as its ping token.</summary>
    public string Listen { get; } = plan.Plan.Listen;

    public Scheduler Scheduler { get; } = scheduler;

    /// <summary>Work started from the dashboard outside the scheduler (a verification), awaited when the daemon stops.</summary>
    public HandWork Hand { get; } = new();

    public TimeProvider Clock { get; } = clock;

    /// <summary>Real time, for pauses that wait for the world (see <see cref="CliContext.RealTime"/>).</summary>
    public required TimeProvider RealTime { get; init; }

    /// <summary>Why the plan file on disk is not the one running (its errors), or null when they agree.</summary>
    public string? ReloadProblem { get; set; }

    /// <summary>A journal for <paramref name="plan"/> whose lines are echoed to the daemon's log too.</summary>
    public MaintenanceJournal NewJournal(LoadedPlan plan, string actor) => new(Store, plan, Clock, actor) { Recorded = echo, Waits = RealTime };

    public void Replace(LoadedPlan plan, string text, MaintenanceJournal journal) => current = new Running(plan, text, journal);

    /// <summary>The daemon's log, for parts that report trouble outside the maintenance log (a store that refuses results).</summary>
    public Microsoft.Extensions.Logging.ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>How long the monitoring of a replaced plan lives on: long enough for its alerts to finish their retries
    /// (NotifyPolicy.Default: five tries over about twelve minutes) and its last check runs to store their results.</summary>
    private static readonly TimeSpan Retirement = TimeSpan.FromMinutes(15);

    /// <summary>The retirements under way: each waits out <see cref="Retirement"/> (or the daemon's stop), then disposes
    /// its runtime. Owned here, so shutdown waits for every one of them.</summary>
    private readonly List<Task> retiring = [];
    private readonly CancellationTokenSource stopping = new();
    private Composition.PlanServices? monitoring;

    /// <summary>The services of the running plan (null before the first plan's are made, and after the stop).</summary>
    public Composition.PlanServices? Services => monitoring;

    /// <summary>Makes <paramref name="next"/> the services of the running plan. The previous one takes no new work but
    /// finishes what it has (alerts being retried, results queued) and is disposed after <see cref="Retirement"/>, or
    /// at shutdown.</summary>
    public Composition.PlanServices ReplaceServices(Composition.PlanServices next)
    {
        var previous = Interlocked.Exchange(ref monitoring, next);
        if (previous is not null)
        {
            lock (retiring)
            {
                retiring.RemoveAll(t => t.IsCompleted);
                retiring.Add(RetireAsync(previous));
            }
        }
        return next;
    }

    /// <summary>On shutdown: interrupts and awaits the runbook runs started from the dashboard, writes the last results and lets
    /// alerts in flight finish (each runtime within its deadline).</summary>
    public async Task StopMonitoringAsync()
    {
        await stopping.CancelAsync();
        InterruptRuns();
        // The runbook runs started from the dashboard are interrupted (each can be resumed) before their services go.
        await StopRunsAsync();
        List<Task> all;
        lock (retiring) all = [.. retiring];
        if (Interlocked.Exchange(ref monitoring, null) is { } last) all.Add(last.DisposeAsync().AsTask());
        await Task.WhenAll(all);
    }

    private async Task RetireAsync(Composition.PlanServices runtime)
    {
        try
        {
            await Task.Delay(Retirement, Clock, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The daemon stops: the runtime is disposed now, within its own deadline.
        }
        await runtime.DisposeAsync();
    }

    /// <summary>Disposed with the host's services, after <see cref="StopMonitoringAsync"/>.</summary>
    public void Dispose()
    {
        stopping.Dispose();
        runsStopping.Dispose();
        Hand.Dispose();
    }

    private sealed record Running(LoadedPlan Plan, string Text, MaintenanceJournal Journal);
}
