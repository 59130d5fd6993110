namespace Jaga.Engine.Scheduling;

/// <summary>What the scheduler measured about itself, for <c>/metrics</c> and the benchmark: how late runs started after
/// their occurrence (a histogram), how many ran, and how often the scheduler looked for due jobs.</summary>
public sealed class SchedulerStats
{
    /// <summary>Upper bounds of the lag histogram, in seconds.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Lock gate = new();
    private readonly long[] counts = new long[Buckets.Length];
    private long total;
    private double sum;
    private double last;
    private double max;
    private long passes;

    /// <summary>Passes of the scheduler's loop so far: about one per instant a job comes due, not more.</summary>
    public long Passes => Interlocked.Read(ref passes);

    internal void RecordPass() => Interlocked.Increment(ref passes);

    /// <summary>Called with every lag measured (the benchmark keeps them all); never blocks for long.</summary>
    public Action<string, TimeSpan>? OnLag { get; set; }

    public void RecordLag(string job, TimeSpan lag)
    {
        var s = Math.Max(0, lag.TotalSeconds);
        lock (gate)
        {
            for (var i = 0; i < Buckets.Length; i++) if (s <= Buckets[i]) counts[i]++;
            total++;
            sum += s;
            last = s;
            max = Math.Max(max, s);
        }
        OnLag?.Invoke(job, lag);
    }

    public LagSnapshot Lag()
    {
        lock (gate) return new LagSnapshot([.. counts], total, sum, last, max);
    }
}

/// <summary>The lag histogram at one moment: cumulative counts per bucket of <see cref="SchedulerStats.Buckets"/>, in seconds.</summary>
public sealed record LagSnapshot(IReadOnlyList<long> Cumulative, long Count, double Sum, double Last, double Max);
