namespace Jaga.Core.Monitoring;

/// <summary>One check's results on one day of the plan's time zone: how many, how many passed, and whether they were
/// counted to the hour (from hourly aggregates) or only to the UTC day (from daily ones, once hourly ones were compacted).</summary>
public sealed record DayUptime(DateOnly Day, long Count, long Passed, bool ToTheHour)
{
    /// <summary>Share of passing results (0..1), null when the day holds no result.</summary>
    public double? Share => Count == 0 ? null : (double)Passed / Count;
}
