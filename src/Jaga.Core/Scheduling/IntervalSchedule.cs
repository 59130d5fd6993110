namespace Jaga.Core.Scheduling;

/// <summary>A fixed-rate interval, e.g. <c>every: 30s</c>. Occurrences are whole multiples of the period counted from
/// 1970-01-01T00:00Z (plus an optional phase), so they never drift with the time a run takes, and every node computes the
/// same ones.</summary>
public sealed class IntervalSchedule : ISchedule
{
    /// <param name="period">The interval, at least a second.</param>
    /// <param name="phase">Where in each period the occurrences fall (reduced modulo the period): checks get one from
    /// their name, so a thousand checks every 10 s are spread over the 10 s instead of all starting together, the way
    /// Prometheus spreads its scrapes.</param>
    public IntervalSchedule(TimeSpan period, TimeSpan phase = default)
    {
        if (period < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(period), period, "an interval is at least 1s");
        Period = period;
        Phase = TimeSpan.FromTicks(((phase.Ticks % period.Ticks) + period.Ticks) % period.Ticks);
    }

    public TimeSpan Period { get; }

    public TimeSpan Phase { get; }

    /// <summary>A phase that depends only on <paramref name="name"/> (FNV-1a), whole milliseconds within <paramref name="period"/>.</summary>
    public static TimeSpan PhaseOf(string name, TimeSpan period)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return TimeSpan.FromMilliseconds(hash % (ulong)Math.Max(1, (long)period.TotalMilliseconds));
    }

    public string Text => "every " + Plan.Values.DurationValue.Format(Period);

    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone) => Floor(after).AddTicks(Period.Ticks);

    public DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone) => Floor(now);

    private DateTimeOffset Floor(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks - Phase.Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(Phase.Ticks + ticks - (((ticks % Period.Ticks) + Period.Ticks) % Period.Ticks));
    }

    public override string ToString() => Text;
}
