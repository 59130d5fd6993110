namespace Jaga.Core.Scheduling;

/// <summary>The pure rule that decides whether a job is due: a job is due when its most recent scheduled occurrence has no
/// record yet; a job that has never run is due. Occurrences missed in between are counted and, by the job's
/// <see cref="CatchUp"/> policy, made up with one run or skipped.</summary>
public static class Due
{
    /// <summary>Missed occurrences are counted up to this many (a minutely job down for a year is "10000+").</summary>
    public const int MissedCap = 10_000;

    /// <param name="schedule"></param>
    /// <param name="zone">The plan's time zone.</param>
    /// <param name="last">The newest occurrence of this job with a record (run, failed, skipped…), or null when it never ran.</param>
    /// <param name="now"></param>
    /// <param name="policy"></param>
    /// <param name="lateAfter">An occurrence older than this is late: the daemon uses a small grace, <c>run --once</c> none
    /// (<see cref="TimeSpan.MaxValue"/>), because cron starts it whenever it likes.</param>
    public static DueDecision Decide(ISchedule schedule, TimeZoneInfo zone, DateTimeOffset? last, DateTimeOffset now, CatchUp policy, TimeSpan lateAfter)
    {
        var previous = schedule.Previous(now, zone);
        if (last is null)
            return previous is null
                ? new DueDecision(null, 0, null, schedule.Next(now, zone))
                : new DueDecision(previous, 0, null, schedule.Next(previous.Value, zone));
        if (previous is null || previous <= last)
            return new DueDecision(null, 0, null, schedule.Next(last > now ? last.Value : now, zone));

        var between = CountBetween(schedule, zone, last.Value, previous.Value);
        var late = now - previous.Value > lateAfter;
        var next = schedule.Next(previous.Value, zone);
        if (policy == CatchUp.Skip && late) return new DueDecision(null, Math.Min(MissedCap, between + 1), previous, next);
        return new DueDecision(previous, Math.Min(MissedCap, between + (late ? 1 : 0)), null, next);
    }

    /// <summary>The grace after which the daemon treats an occurrence as missed: a minute, or half the interval when that is shorter.</summary>
    public static TimeSpan LateAfter(ISchedule schedule) =>
        schedule is IntervalSchedule i && i.Period < TimeSpan.FromMinutes(2) ? i.Period / 2 : TimeSpan.FromMinutes(1);

    /// <summary>Occurrences strictly between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private static int CountBetween(ISchedule schedule, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        if (schedule is IntervalSchedule i)
            return (int)Math.Min(MissedCap, Math.Max(0, ((to - from).Ticks / i.Period.Ticks) - 1));
        var count = 0;
        for (var t = schedule.Next(from, zone); t is not null && t < to && count < MissedCap; t = schedule.Next(t.Value, zone)) count++;
        return count;
    }
}
