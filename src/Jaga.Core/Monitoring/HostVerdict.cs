using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Monitoring;

/// <summary>Judges a host sample against the plan's thresholds (check <c>host</c>) and writes the seed's summary line.</summary>
public static partial class HostVerdict
{
    public const string CheckName = "host";

    /// <summary>The CPU limit of the summary when the plan sets none.</summary>
    public static readonly Threshold DefaultCpu = new("<", 90);

    /// <summary>Down when any threshold is exceeded; the reason names each one, e.g. <c>disk / 93% (limit &lt; 90%)</c>.
    /// A pass's reason lists the measured values. Jaga's words in the language of <paramref name="words"/> (English by default).</summary>
    public static CheckResult Judge(HostSample sample, HostMonitor monitor, Catalog? words = null)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(monitor);
        words ??= Catalog.English;
        var memory = words["reason.host.memory"];
        var failed = new List<string>();
        void Percent(string what, double? observed, Threshold? limit)
        {
            if (observed is { } o && limit is not null && !limit.IsMet(o)) failed.Add(words.Format("reason.host.over", what, Pct(o), limit));
        }
        Percent("cpu", sample.CpuPercent, monitor.Cpu);
        Percent(memory, sample.MemoryPercent, monitor.Memory);
        Percent("swap", sample.SwapPercent, monitor.Swap);
        if (monitor.Load is { } load && !LoadIsMet(load, sample.Load1))
            failed.Add(words.Format("reason.host.over", "load", Num(sample.Load1), load.Trim()));
        foreach (var (mount, limit) in monitor.Disk.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var disk = sample.Disks.FirstOrDefault(d => d.Mount == mount);
            if (disk is null) failed.Add(words.Format("reason.host.unmounted", mount));
            else Percent($"disk {mount}", disk.UsedPercent, limit);
        }
        if (failed.Count > 0) return new CheckResult(CheckName, sample.At, CheckOutcome.Down, TimeSpan.Zero, string.Join(", ", failed));
        var parts = new List<string> { $"cpu {Pct(sample.CpuPercent)}", $"{memory} {Pct(sample.MemoryPercent)}" };
        if (sample.SwapPercent is { } swap) parts.Add($"swap {Pct(swap)}");
        parts.Add($"load {Num(sample.Load1)}");
        parts.AddRange(monitor.Disk.Keys.Order(StringComparer.Ordinal)
            .Select(m => $"disk {m} {Pct(sample.Disks.First(d => d.Mount == m).UsedPercent)}"));
        return new CheckResult(CheckName, sample.At, CheckOutcome.Up, TimeSpan.Zero, string.Join(", ", parts));
    }

    /// <summary>The seed's line: <c>Monitoring: CPU usage normal, RAM usage 60%</c> — CPU is "normal" within its threshold
    /// (<see cref="DefaultCpu"/> when the plan sets none), else "high 97%", in the catalog's language.</summary>
    public static string Summary(HostSample sample, HostMonitor monitor, Catalog catalog) =>
        Summarized(sample, monitor, passed: true).Message(catalog);

    /// <summary>The summary line as the journal records it; <paramref name="passed"/> is the host check's verdict.</summary>
    public static HostSummarized Summarized(HostSample sample, HostMonitor monitor, bool passed) =>
        new((monitor.Cpu ?? DefaultCpu).IsMet(sample.CpuPercent) ? null : Pct(sample.CpuPercent),
            Math.Round(sample.MemoryPercent, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture), passed);

    /// <summary>True when <paramref name="load1"/> satisfies a condition such as <c>&lt; 4</c>; an unreadable condition
    /// (the plan's validation rejects those) is never met.</summary>
    public static bool LoadIsMet(string condition, double load1)
    {
        var m = LoadShape().Match(condition.Trim());
        if (!m.Success) return false;
        var limit = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return m.Groups[1].Value switch
        {
            "<" => load1 < limit,
            "<=" => load1 <= limit,
            ">" => load1 > limit,
            _ => load1 >= limit,
        };
    }

    private static string Pct(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(<=|>=|<|>)\s*(\d+(?:\.\d+)?)$")]
    private static partial Regex LoadShape();
}
