namespace Jaga.Core.Scheduling;

/// <summary>A fixed-rate interval, e.g. <c>every: 30s</c>. Occurrences are whole multiples of the period counted from
/// 1970-01-01T00:00Z, so they never drift with the time a run takes, and every node computes the same ones.</summary>
public sealed class IntervalSchedule : ISchedule
{
    public IntervalSchedule(TimeSpan period)
    {
        if (period < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(period), period, "an interval is at least 1s");
        Period = period;
    }

    public TimeSpan Period { get; }

    public string Text => "every " + Plan.Values.DurationValue.Format(Period);

    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone) => Floor(after).AddTicks(Period.Ticks);

    public DateTimeOffset? Previous(DateTimeOffset now, TimeZoneInfo zone) => Floor(now);

    private DateTimeOffset Floor(DateTimeOffset t)
    {
        var ticks = t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (((ticks % Period.Ticks) + Period.Ticks) % Period.Ticks));
    }

    public override string ToString() => Text;
}
