using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring.Host;

namespace Jaga.Engine.Monitoring;

/// <summary>The host monitor: samples CPU, memory, swap, load and disks, judges them against the plan's thresholds as the
/// check <c>host</c> (alerts like any check), and writes the seed's summary line once per <see cref="HostMonitor.Summary"/>
/// period: <c>Monitoring: CPU usage normal, RAM usage 60%</c>.</summary>
/// <remarks>Summaries fall on period boundaries counted from the epoch (every hour on the hour by default), so a restart
/// neither repeats nor shifts them.</remarks>
public sealed class HostWatch(CheckMonitor monitor, HostMonitor settings, HostSampler sampler, MaintenanceJournal journal, TimeProvider clock)
{
    /// <summary>What the plan and the commands call the host monitor.</summary>
    public const string CheckName = "host";

    /// <summary>The name the host monitor of <paramref name="machine"/> has in states, history and alerts: with several
    /// nodes each watches its own machine, and their states must not mix.</summary>
    public static string NameFor(string machine) => CheckName + ":" + machine;

    /// <summary>This machine's host monitor's name.</summary>
    public static string Local { get; } = NameFor(Environment.MachineName);

    private long lastPeriod = Period(clock.GetUtcNow(), settings.Summary);

    /// <summary>This machine's newest sample (null before the first run): the Monitoring page's host gauges.</summary>
    public HostSample? Latest { get; private set; }

    /// <summary>The plan's thresholds this watch judges by.</summary>
    public HostMonitor Settings => settings;

    public async Task<CheckRun> RunAsync(CancellationToken ct)
    {
        var sample = await sampler.SampleAsync(settings.Disk.Keys, ct);
        Latest = sample;
        var result = HostVerdict.Judge(sample, settings, journal.Messages) with { Check = Local };
        var status = await monitor.ActAsync(result, settings.Alert, Local, ct);
        var period = Period(result.At, settings.Summary);
        if (period != Interlocked.Exchange(ref lastPeriod, period))
        {
            await journal.RecordAsync(HostVerdict.Summarized(sample, settings, result.Passed) with
            {
                Data = new Dictionary<string, string>(StringComparer.Ordinal) { ["check"] = Local, ["reason"] = result.Reason },
            }, ct: ct);
        }
        return new CheckRun(result, status);
    }

    private static long Period(DateTimeOffset at, TimeSpan length) => at.UtcTicks / Math.Max(1, length.Ticks);
}
