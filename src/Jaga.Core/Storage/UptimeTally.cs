using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>The sums one check's <see cref="CheckUptime"/> is made of, filled by a store from whichever tiers answer.</summary>
public sealed class UptimeTally
{
    public long DayCount { get; set; }

    public long DayPassed { get; set; }

    public long WeekCount { get; set; }

    public long WeekPassed { get; set; }

    public long MonthCount { get; set; }

    public long MonthPassed { get; set; }

    /// <summary>The day's duration histogram and maximum, for an estimated p95.</summary>
    public long[] DayHistogram { get; } = new long[DurationHistogram.Buckets];

    public double DayMaxMs { get; set; }

    /// <summary>An exact p95, when the store read one from raw results.</summary>
    public TimeSpan? ExactP95 { get; set; }

    public bool Exact { get; set; }

    public CheckUptime ToUptime() => new(
        CheckHistoryText.Share(DayPassed, DayCount),
        CheckHistoryText.Share(WeekPassed, WeekCount),
        CheckHistoryText.Share(MonthPassed, MonthCount),
        Exact ? ExactP95 : DurationHistogram.Estimate(DayHistogram, DayMaxMs, 0.95),
        DayCount,
        !Exact && DayCount > 0);
}
