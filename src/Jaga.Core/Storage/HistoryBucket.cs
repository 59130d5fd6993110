using Jaga.Core.Monitoring;

namespace Jaga.Core.Storage;

/// <summary>One hourly or daily aggregate of one check: counts, durations and their histogram, built from results (or read
/// back from a store) and merged into the stored row.</summary>
public sealed class HistoryBucket(string check, long startMs)
{
    public string Check { get; } = check;

    /// <summary>The bucket's start, milliseconds since the epoch (UTC hour or day).</summary>
    public long StartMs { get; } = startMs;

    public long Count { get; set; }

    public long Passed { get; set; }

    public long Warnings { get; set; }

    public double SumMs { get; set; }

    public double MaxMs { get; set; }

    public long[] Histogram { get; } = new long[DurationHistogram.Buckets];

    public void Add(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ms = DurationHistogram.ToMilliseconds(result.Duration);
        Count++;
        if (result.Passed) Passed++;
        if (result.Outcome == CheckOutcome.Warning) Warnings++;
        SumMs += ms;
        MaxMs = Math.Max(MaxMs, ms);
        Histogram[DurationHistogram.Index(ms)]++;
    }

    public void Merge(long count, long passed, long warnings, double sumMs, double maxMs, IReadOnlyList<long> histogram)
    {
        Count += count;
        Passed += passed;
        Warnings += warnings;
        SumMs += sumMs;
        MaxMs = Math.Max(MaxMs, maxMs);
        DurationHistogram.Merge(Histogram, histogram);
    }
}
