using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring;
using Jaga.Engine.Monitoring.Host;
using Jaga.Engine.Monitoring.Probes;
using Jaga.Engine.Notify;
using Jaga.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jaga.Cli.Monitoring;

/// <summary>The monitoring pillar put together for one plan: probes, alert delivery, the result writer, the check monitor
/// and the host watch. Disposing it writes the results still queued and lets alerts in flight finish (with a deadline).</summary>
internal sealed class MonitorRuntime : IAsyncDisposable
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(30);

    private readonly ProbeContext probes;
    private readonly AlertDispatcher alerts;
    private readonly ProbeHttp http = new();

    /// <summary>Posts webhooks; each try has its own timeout (NotifyPolicy), so the client's is off.</summary>
    private readonly HttpClient webhooks = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly HostSampler sampler;
    private int disposed;

    private MonitorRuntime(LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, ILogger logger)
    {
        sampler = new HostSampler(clock);
        probes = new ProbeContext(plan, store, clock, http);
        alerts = new AlertDispatcher(plan, journal, clock, webhooks, new MailKitSmtpSender(), null, logger);
        Results = new CheckResultWriter(store.Checks, clock, logger);
        var monitor = new CheckMonitor(plan, store, journal, alerts, c => CheckProbes.For(c, probes), Results, clock);
        var host = plan.Plan.Monitoring.Host is { } h ? new HostWatch(monitor, h, sampler, journal, clock) : null;
        Services = new MonitorServices(monitor, host, Results, store, journal, clock);
        Clock = clock;
    }

    public MonitorServices Services { get; }

    public CheckResultWriter Results { get; }

    private TimeProvider Clock { get; }

    public static MonitorRuntime Create(LoadedPlan plan, IStateStore store, MaintenanceJournal journal, TimeProvider clock, ILogger? logger) =>
        new(plan, store, journal, clock, logger ?? NullLogger.Instance);

    /// <summary>Probes and judges a check without acting on the result (no alerting state, no alert).</summary>
    public async Task<CheckResult> ProbeAsync(Check check, CancellationToken ct)
    {
        var at = Clock.GetUtcNow();
        var observation = await CheckProbes.For(check, probes).ObserveAsync(ct);
        return CheckVerdict.Judge(check, observation, at);
    }

    /// <summary>Samples and judges the host without acting on the result.</summary>
    public async Task<CheckResult> ProbeHostAsync(HostMonitor settings, CancellationToken ct)
    {
        return HostVerdict.Judge(await sampler.SampleAsync(settings.Disk.Keys, ct), settings);
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
