using System.Globalization;
using Jaga.Cli.Commands.Monitor;
using Jaga.Core.Charts;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan.Values;
using Jaga.Dashboard.Monitoring;
using Jaga.Engine.Monitoring;

namespace Jaga.Cli.Daemon;

/// <summary>The Monitoring page and the public status page, from <see cref="CheckReport.LoadPageAsync"/> (the rows of
/// <c>jaga monitor status</c>, in a fixed number of reads) and this node's host watch.</summary>
internal sealed partial class DashboardFeed
{
    public bool StatusPage => state.Plan.Plan.Dashboard.StatusPage;

    public async Task<MonitoringView> MonitoringAsync(int page, CancellationToken ct)
    {
        var (report, counts, slice) = await PageReportAsync(page, PageOf.Checks, ct);
        var checks = report.Rows.Select(r => new MonitoredCheck(
            r.Name, r.Kind, r.State?.Status ?? CheckStatus.Unknown, r.State?.Since, r.Reason is { } reason ? Redact(reason) : null, r.Uptime, r.Days,
            [.. r.Recent.Select(x => new ChartPoint(x.At, x.Duration.TotalMilliseconds))])).ToList();
        return new MonitoringView(checks, Host(), counts, slice);
    }

    /// <summary>How long the public page's answer is kept: anyone may ask for it, so the report behind it runs at most
    /// this often, however many ask.</summary>
    private static readonly TimeSpan PublicStatusKept = TimeSpan.FromSeconds(30);

    private volatile PublicStatus? publicStatus;

    public async Task<IReadOnlyList<PublicCheck>> PublicStatusAsync(CancellationToken ct)
    {
        if (publicStatus is { } kept && state.Clock.GetUtcNow() - kept.At < PublicStatusKept) return kept.Checks;
        // Requests that arrive together when the answer has expired may each read it once; then it is kept again.
        var (report, _, _) = await PageReportAsync(1, int.MaxValue, ct);
        // The hosts are internal detail: only the plan's checks, by name, state and days.
        IReadOnlyList<PublicCheck> checks = [.. report.Rows.Where(r => r.Kind != HostWatch.CheckName).Select(r => new PublicCheck(r.Name, r.State?.Status ?? CheckStatus.Unknown, r.Days))];
        publicStatus = new PublicStatus(state.Clock.GetUtcNow(), checks);
        return checks;
    }

    private sealed record PublicStatus(DateTimeOffset At, IReadOnlyList<PublicCheck> Checks);

    private Task<(CheckReport Slice, CheckCounts Counts, PageOf Page)> PageReportAsync(int page, int size, CancellationToken ct) =>
        CheckReport.LoadPageAsync(state.Plan, state.Store, state.Clock.GetUtcNow(), page, size, ct);

    /// <summary>This machine's gauges, when the plan watches the host: its newest sample against the plan's limits.</summary>
    private HostReading? Host()
    {
        if (state.Plan.Plan.Monitoring.Host is not { } settings) return null;
        var sample = state.Services?.Monitoring?.Services.Host?.Latest;
        var words = Words;
        var gauges = new List<Gauge>
        {
            new("gauge-cpu", words["web.monitoring.cpu"], Share(sample?.CpuPercent), Limit(settings.Cpu)),
            new("gauge-memory", words["web.monitoring.memory"], Share(sample?.MemoryPercent), Limit(settings.Memory)),
        };
        if (sample is null || sample.SwapPercent is not null)
            gauges.Add(new("gauge-swap", words["web.monitoring.swap"], Share(sample?.SwapPercent), Limit(settings.Swap)));
        foreach (var (mount, limit) in settings.Disk.OrderBy(d => d.Key, StringComparer.Ordinal))
            gauges.Add(new($"gauge-disk-{mount}", words.Format("web.monitoring.disk", mount),
                Share(sample?.Disks.FirstOrDefault(d => d.Mount == mount)?.UsedPercent), Limit(limit)));
        var load = sample is null ? null : string.Join(" / ", new[] { sample.Load1, sample.Load5, sample.Load15 }.Select(l => l.ToString("0.##", CultureInfo.InvariantCulture)));
        return new HostReading(Environment.MachineName, sample?.At, gauges, load);
    }

    private static double? Share(double? percent) => percent / 100;

    /// <summary>A limit such as <c>&lt; 90%</c> as the share a gauge marks; none for a lower bound.</summary>
    private static double? Limit(Threshold? t) => t is { Operator: "<" or "<=" } ? t.Percent / 100 : null;
}
