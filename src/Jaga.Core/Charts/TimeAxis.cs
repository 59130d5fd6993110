using System.Globalization;

namespace Jaga.Core.Charts;

/// <summary>The ticks of a time axis, in the plan's time zone: the first round step (minutes, hours, days) that leaves at most
/// <c>ticks</c> labels, aligned on the local clock (whole hours, local midnights), labelled <c>HH:mm</c> below a day and
/// <c>MM-dd</c> from a day up.</summary>
public static class TimeAxis
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30), TimeSpan.FromDays(91), TimeSpan.FromDays(365),
    ];

    public sealed record Tick(DateTimeOffset At, string Label);

    public static IReadOnlyList<Tick> Ticks(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int ticks = 6)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from) return [new Tick(from, Label(from, zone, TimeSpan.FromHours(1)))];
        var span = to - from;
        var step = Steps.FirstOrDefault(s => span / s <= ticks, Steps[^1]);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        // The first local time at or after the start that is a whole number of steps into its day (or a midnight).
        var first = step < TimeSpan.FromDays(1)
            ? local.Date.AddTicks((long)Math.Ceiling((double)(local - local.Date).Ticks / step.Ticks) * step.Ticks)
            : local == local.Date ? local : local.Date.AddDays(1);
        var list = new List<Tick>();
        for (var t = first; list.Count <= ticks * 2; t = t.Add(step))
        {
            var at = Utc(t, zone);
            if (at > to) break;
            list.Add(new Tick(at, Label(at, zone, step)));
        }
        return list;
    }

    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Label(DateTimeOffset at, TimeZoneInfo zone, TimeSpan step) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(step < TimeSpan.FromDays(1) ? "HH:mm" : "MM-dd", CultureInfo.InvariantCulture);
}
