using Jaga.Core.Adapters;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring;
using Jaga.Engine.Monitoring.Host;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Engine.Notify;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jaga.Cli.Monitoring;

/// <summary>The monitoring pillar put together for one plan: probes, alert delivery, the result writer, the check monitor
/// and the host watch. Disposing it writes the results still queued and lets alerts in flight finish (with a deadline).</summary>
internal sealed class MonitorRuntime : IAsyncDisposable
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(45);

    private readonly ProbeContext probes;
    private readonly AlertDispatcher alerts;
    private readonly ProbeHttp http = new();

    /// <summary>Posts webhooks; each try has its own timeout (NotifyPolicy), so the client's is off.</summary>
    private readonly HttpClient webhooks = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly HostSampler sampler;
    private int disposed;

    /// <summary>Alert retries for a process that exits when its work is done (<c>run --once</c>): three tries within the
    /// drain deadline, instead of the daemon's five over twelve minutes.</summary>
    public static NotifyPolicy Brief { get; } = new(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10), 100);

    private MonitorRuntime(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, TimeProvider realTime, AdapterSet adapters, ILogger logger, NotifyPolicy? policy,
        IncidentLog? incidents)
    {
        sampler = new HostSampler(clock, realTime);
        probes = new ProbeContext(plan, store, clock, http, adapters) { Words = journal.Messages };
        var mail = adapters.Mail ?? throw new InvalidOperationException("no mail adapter: the composition root misses its registration");
        // Retries and the drain deadline are waits in real time, whatever clock stamps the results: under a test's fake clock
        // nothing else moves time once the run's work is done, and run --once would wait for ever to drain its alerts.
        alerts = new AlertDispatcher(plan, journal, realTime, webhooks, mail, policy, logger) { Incidents = incidents };
        Results = new CheckResultWriter(store.Checks, logger, realTime);
        var monitor = new CheckMonitor(plan, store, journal, alerts, c => CheckProbes.For(c, probes), Results, clock) { Incidents = incidents };
        var host = plan.Plan.Monitoring.Host is { } h ? new HostWatch(monitor, h, sampler, journal, clock) : null;
        Services = new MonitorServices(monitor, host, Results, store, journal, clock);
        Clock = clock;
    }

    public MonitorServices Services { get; }

    public CheckResultWriter Results { get; }

    private TimeProvider Clock { get; }

    /// <remarks><paramref name="realTime"/> is for pauses that wait for the world: the host sampler's first CPU interval, the result writer's.
    /// <paramref name="incidents"/> opens and closes incidents as checks go down and recover; none when null (probes only).</remarks>
    public static MonitorRuntime Create(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, TimeProvider realTime, AdapterSet adapters, ILogger? logger,
        NotifyPolicy? policy = null, IncidentLog? incidents = null) =>
        new(plan, store, journal, clock, realTime, adapters, logger ?? NullLogger.Instance, policy, incidents);

    /// <summary>Probes and judges a check without acting on the result (no alerting state, no alert).</summary>
    public async Task<CheckResult> ProbeAsync(Check check, CancellationToken ct)
    {
        var at = Clock.GetUtcNow();
        var observation = await CheckProbes.For(check, probes).ObserveAsync(ct);
        return CheckVerdict.Judge(check, observation, at, probes.Plan.Redactor, probes.Words);
    }

    /// <summary>Samples and judges the host without acting on the result.</summary>
    public async Task<CheckResult> ProbeHostAsync(HostMonitor settings, CancellationToken ct)
    {
        return HostVerdict.Judge(await sampler.SampleAsync(settings.Disk.Keys, ct), settings, probes.Words);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await Results.DisposeAsync();
        await alerts.StopAsync(DrainDeadline);
        await alerts.DisposeAsync();
        webhooks.Dispose();
        http.Dispose();
    }
}
