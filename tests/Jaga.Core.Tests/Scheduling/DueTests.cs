using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Scheduling;

/// <summary>The due rule: the most recent occurrence without a record is due; a job that never ran is due; missed ones are
/// made up once or skipped by policy.</summary>
public sealed class DueTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    private static CronSchedule Cron(string text)
    {
        Assert.True(CronSchedule.TryParse(text, out var s, out var problem), problem);
        return s!;
    }

    // 02:00 in Jakarta (UTC+7) is 19:00 UTC the day before.
    private static readonly DateTimeOffset TwoAm = new(2026, 11, 30, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_job_that_never_ran_is_due_now_for_its_latest_occurrence()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, null, TwoAm.AddHours(5), CatchUp.Skip, Grace);

        Assert.Equal(TwoAm, d.Run);
        Assert.Equal(0, d.Missed);
        Assert.Equal(TwoAm.AddDays(1), d.Next);
    }

    [Fact]
    public void An_occurrence_already_recorded_is_not_due_again()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, TwoAm, TwoAm.AddHours(3), CatchUp.Once, Grace);

        Assert.Null(d.Run);
        Assert.Null(d.Skipped);
        Assert.Equal(TwoAm.AddDays(1), d.Next);
    }

    [Fact]
    public void An_occurrence_reached_on_time_runs_without_counting_as_missed()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, TwoAm.AddDays(-1), TwoAm.AddMilliseconds(40), CatchUp.Skip, Grace);

        Assert.Equal(TwoAm, d.Run);
        Assert.Equal(0, d.Missed);
        Assert.False(d.CatchingUp);
    }

    [Fact]
    public void After_three_days_down_catch_up_once_runs_the_latest_and_counts_all_missed()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, TwoAm.AddDays(-3), TwoAm.AddHours(6), CatchUp.Once, Grace);

        Assert.Equal(TwoAm, d.Run);
        Assert.Equal(3, d.Missed);
        Assert.True(d.CatchingUp);
    }

    [Fact]
    public void After_downtime_catch_up_skip_records_the_late_occurrence_as_skipped_and_waits_for_the_next()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, TwoAm.AddDays(-3), TwoAm.AddHours(6), CatchUp.Skip, Grace);

        Assert.Null(d.Run);
        Assert.Equal(TwoAm, d.Skipped);
        Assert.Equal(3, d.Missed);
        Assert.Equal(TwoAm.AddDays(1), d.Next);
    }

    [Fact]
    public void Run_once_ignores_lateness_so_cron_driven_runs_never_skip()
    {
        var d = Due.Decide(Cron("0 2 * * *"), Jakarta, TwoAm.AddDays(-1), TwoAm.AddHours(6), CatchUp.Skip, TimeSpan.MaxValue);

        Assert.Equal(TwoAm, d.Run);
        Assert.Equal(0, d.Missed);
    }

    [Fact]
    public void Intervals_count_missed_occurrences_arithmetically()
    {
        var every = new IntervalSchedule(TimeSpan.FromSeconds(10));
        var last = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        var d = Due.Decide(every, Jakarta, last, last.AddSeconds(66), CatchUp.Once, Due.LateAfter(every));

        Assert.Equal(last.AddSeconds(60), d.Run);
        Assert.Equal(6, d.Missed); // 10…50 never ran, and 60 is 6 s late, past the 5 s grace.
        Assert.Equal(last.AddSeconds(70), d.Next);
    }

    [Fact]
    public void A_minutely_job_down_for_a_year_counts_up_to_the_cap()
    {
        var now = TwoAm.AddDays(365);

        var d = Due.Decide(Cron("* * * * *"), Jakarta, TwoAm, now, CatchUp.Once, Grace);

        Assert.Equal(Due.MissedCap, d.Missed);
        Assert.Equal(now, d.Run);
    }

    [Fact]
    public void In_Berlin_a_job_at_0230_runs_once_on_the_day_clocks_skip_that_hour()
    {
        // 2026-03-29: clocks go from 02:00 to 03:00 CET→CEST; 02:30 does not exist and runs at 03:00 local (01:00 UTC).
        var schedule = Cron("30 2 * * *");
        var dayBefore = new DateTimeOffset(2026, 3, 28, 1, 30, 0, TimeSpan.Zero);

        var next = schedule.Next(dayBefore, Berlin)!.Value;
        var d = Due.Decide(schedule, Berlin, dayBefore, next.AddSeconds(1), CatchUp.Skip, Grace);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(next, d.Run);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.Zero), d.Next);
    }

    [Fact]
    public void In_Berlin_a_job_at_0230_runs_once_on_the_day_that_hour_happens_twice()
    {
        // 2026-10-25: 02:00–03:00 local happens twice (CEST then CET); the job runs at the first 02:30 only.
        var schedule = Cron("30 2 * * *");
        var first = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);

        var d = Due.Decide(schedule, Berlin, first, first.AddHours(1).AddSeconds(1), CatchUp.Once, Grace);

        Assert.Null(d.Run);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), d.Next);
        Assert.Equal(first, schedule.Next(first.AddDays(-1), Berlin));
    }

    [Fact]
    public void A_late_interval_occurrence_uses_half_the_period_as_grace_when_that_is_shorter_than_a_minute()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), Due.LateAfter(new IntervalSchedule(TimeSpan.FromSeconds(30))));
        Assert.Equal(TimeSpan.FromMinutes(1), Due.LateAfter(new IntervalSchedule(TimeSpan.FromHours(1))));
        Assert.Equal(TimeSpan.FromMinutes(1), Due.LateAfter(Cron("@hourly")));
    }
}
