using Jaga.Cli.Monitoring;
using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Pipeline;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Emergency.Runbooks;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Engine.Scheduling;
using Jaga.Engine.Updates.Schedule;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Composition;

/// <summary>The pillars of one plan, wired over one store and journal (<see cref="CompositionRoot.Compose"/>). Disposing it
/// writes the check results still queued and lets alerts in flight finish.</summary>
internal sealed class PlanServices : IAsyncDisposable
{
    private readonly LoadedPlan plan;
    private readonly IStateStore store;
    private readonly MaintenanceJournal journal;
    private readonly TimeProvider clock;
    private readonly TimeProvider realTime;
    private readonly AdapterSet adapters;
    private readonly HttpClient notifyHttp = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ProbeHttp stepHttp = new();
    private readonly UpdateJobServices? updates;
    private MonitorRuntime? probes;

    public PlanServices(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, TimeProvider realTime, RunMode mode, AdapterSet adapters, ILogger logger,
        BackupOptions backup)
    {
        this.plan = plan;
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.realTime = realTime;
        this.adapters = adapters;
        var retry = DestinationRetry.Default(backup.RetryClock ?? clock, backup.OnRetry);
        Incidents = new IncidentLog(store.Incidents, journal, clock);
        Backup = new BackupServices(plan, store.Backups, journal, clock, new BackupConnectors(plan, adapters, realTime, backup.Identity), retry) { Incidents = Incidents };
        Monitoring = mode switch
        {
            RunMode.Daemon => MonitorRuntime.Create(plan, store, journal, clock, realTime, adapters, logger, incidents: Incidents),
            RunMode.Once => MonitorRuntime.Create(plan, store, journal, clock, realTime, adapters, logger, MonitorRuntime.Brief, Incidents),
            RunMode.Probe => MonitorRuntime.Create(plan, store, journal, clock, realTime, adapters, logger),
            _ => null,
        };
        if (plan.Plan.Update.Schedule is not null)
        {
            // The plan's variables (the process environment, then env_files): an NPM_TOKEN kept in .env reaches the registries.
            updates = new UpdateJobServices(plan, journal, store.Runs, adapters, ct => CompositionRoot.OpenAdvisoriesAsync(plan, clock, ct),
                plan.Variable, clock, realTime);
        }
    }

    public BackupServices Backup { get; }

    /// <summary>The incidents of checks that go down and backups that fail, opened and closed as they do.</summary>
    public IncidentLog Incidents { get; }

    /// <summary>Checks, the host and alerting; null for commands that do not monitor.</summary>
    public MonitorRuntime? Monitoring { get; }

    /// <summary>Every job of the plan: backups, verifications, drills, checkpoints, the update runs and, when monitoring,
    /// checks, host, logs.</summary>
    public IReadOnlyList<ScheduledJob> Jobs() => PlanJobs.For(plan, store, journal, Backup, clock, Monitoring?.Services, realTime, updates);

    /// <summary>What runbook runs need, for the process driving them as <paramref name="node"/>. Checks are probed through
    /// the monitoring pillar when it runs here, else through a probe-only one (no alerting) made for the purpose.</summary>
    public RunbookServices Runbooks(string node)
    {
        var monitor = Monitoring ?? (probes ??= MonitorRuntime.Create(plan, store, journal, clock, realTime, adapters, null));
        var mail = adapters.Mail ?? throw new InvalidOperationException("no mail adapter: the composition root misses its registration");
        return new RunbookServices(plan, store.Runbooks, journal, Incidents, Backup, clock, realTime)
        {
            Probe = monitor.ProbeAsync,
            Notifier = new RunbookNotifier(plan, notifyHttp, mail, realTime),
            Http = stepHttp,
            Lease = plan.Plan.Scheduler.Lease,
            Node = node,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Monitoring is not null) await Monitoring.DisposeAsync();
        if (probes is not null) await probes.DisposeAsync();
        notifyHttp.Dispose();
        stepHttp.Dispose();
    }
}
