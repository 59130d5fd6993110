using Jaga.Core.Ledger;
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
    public const string CheckName = "host";

    private long lastPeriod = Period(clock.GetUtcNow(), settings.Summary);

    public async Task<CheckResult> RunAsync(CancellationToken ct)
    {
        var sample = await sampler.SampleAsync(settings.Disk.Keys, ct);
        var result = HostVerdict.Judge(sample, settings);
        await monitor.ActAsync(result, settings.Alert, CheckName, ct);
        var period = Period(result.At, settings.Summary);
        if (period != Interlocked.Exchange(ref lastPeriod, period))
        {
            var line = HostVerdict.Summary(sample, settings, journal.Messages);
            await journal.RecordTextAsync(result.Passed ? Severity.Info : Severity.Warn, "monitor.host", line,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["check"] = CheckName, ["reason"] = result.Reason }, ct: ct);
        }
        return result;
    }

    private static long Period(DateTimeOffset at, TimeSpan length) => at.UtcTicks / Math.Max(1, length.Ticks);
}
