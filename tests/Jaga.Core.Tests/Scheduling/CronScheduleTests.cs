using FsCheck;
using FsCheck.Xunit;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Scheduling;

public sealed class CronScheduleTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CronSchedule Parse(string text)
    {
        Assert.True(CronSchedule.TryParse(text, out var schedule, out var problem), problem);
        return schedule!;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 4 * * 0")]
    [InlineData("30 2 1,15 * MON-FRI")]
    [InlineData("@hourly")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@weekly")]
    [InlineData("@monthly")]
    [InlineData("@yearly")]
    [InlineData("@annually")]
    public void Accepts_five_fields_and_the_macros(string text)
    {
        Assert.Equal(text, Parse(text).ToString());
    }

    [Fact]
    public void Keeps_the_text_without_surrounding_spaces()
    {
        Assert.Equal("0 2 * * *", Parse("  0 2 * * *  ").Text);
    }

    [Theory]
    [InlineData("0 2 * *", "a cron schedule has 5 fields, this one has 4")]
    [InlineData("0 0 2 * * *", "a cron schedule has 5 fields, this one has 6")]
    [InlineData("", "a cron schedule has 5 fields, this one has 0")]
    [InlineData("@reboot", "unknown macro '@reboot'")]
    [InlineData("@every 5m", "unknown macro '@every 5m'")]
    [InlineData("0 24 * * *", "Hours: Value must be a number between 0 and 23")]
    public void Refuses_with_the_reason(string text, string reason)
    {
        Assert.False(CronSchedule.TryParse(text, out var schedule, out var problem));
        Assert.Null(schedule);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_reads_the_schedule_in_the_plans_zone()
    {
        var next = Parse("0 2 * * *").Next(Utc(2025, 11, 14, 12, 0), Jakarta);

        Assert.Equal(Utc(2025, 11, 14, 19, 0), next);
        Assert.Equal(TimeSpan.FromHours(7), next!.Value.Offset);
    }

    [Fact]
    public void Next_is_strictly_after_an_occurrence()
    {
        var next = Parse("0 2 * * *").Next(Utc(2025, 11, 14, 19, 0), Jakarta);

        Assert.Equal(Utc(2025, 11, 15, 19, 0), next);
    }

    [Fact]
    public void Run_in_the_spring_forward_gap_in_Berlin_happens_when_the_clock_resumes()
    {
        // 2025-03-30: Berlin's clocks jump from 02:00 CET to 03:00 CEST; 02:30 does not exist that night.
        var schedule = Parse("30 2 * * *");

        var first = schedule.Next(Utc(2025, 3, 29, 12, 0), Berlin);
        var second = schedule.Next(first!.Value, Berlin);

        Assert.Equal(Utc(2025, 3, 30, 1, 0), first);
        Assert.Equal(Utc(2025, 3, 31, 0, 30), second);
    }

    [Fact]
    public void Run_in_the_repeated_autumn_hour_in_Berlin_happens_once()
    {
        // 2025-10-26: Berlin's clocks fall back from 03:00 CEST to 02:00 CET; 02:30 happens twice.
        var schedule = Parse("30 2 * * *");

        var first = schedule.Next(Utc(2025, 10, 25, 12, 0), Berlin);
        var second = schedule.Next(first!.Value, Berlin);

        Assert.Equal(Utc(2025, 10, 26, 0, 30), first);
        Assert.Equal(Utc(2025, 10, 27, 1, 30), second);
    }

    [Fact]
    public void Jakarta_has_no_daylight_saving_so_its_runs_stay_a_day_apart_when_Europe_changes_clocks()
    {
        var schedule = Parse("30 2 * * *");

        foreach (var day in new[] { Utc(2025, 3, 29, 12, 0), Utc(2025, 10, 25, 12, 0) })
        {
            var first = schedule.Next(day, Jakarta)!.Value;
            var second = schedule.Next(first, Jakarta)!.Value;
            Assert.Equal(new DateTimeOffset(day.Year, day.Month, day.Day + 1, 2, 30, 0, TimeSpan.FromHours(7)), first);
            Assert.Equal(TimeSpan.FromDays(1), second - first);
        }
    }

    [Fact]
    public void Previous_finds_the_last_run_at_or_before_now()
    {
        var schedule = Parse("0 2 * * *");
        var run = new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.FromHours(7));

        Assert.Equal(run, schedule.Previous(run.AddHours(1), Jakarta, TimeSpan.FromDays(2)));
        Assert.Equal(run, schedule.Previous(run, Jakarta, TimeSpan.FromDays(2)));
        Assert.Equal(run.AddDays(-1), schedule.Previous(run.AddTicks(-1), Jakarta, TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Previous_finds_a_yearly_run_months_back_and_a_minutely_one_without_scanning_a_year()
    {
        var now = Utc(2025, 11, 15, 2, 0);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)), Parse("@yearly").Previous(now, Jakarta, TimeSpan.FromDays(366)));
        Assert.Equal(now, Parse("* * * * *").Previous(now, Jakarta, TimeSpan.FromDays(366)));
    }

    [Fact]
    public void Previous_is_null_when_no_run_falls_within_the_horizon()
    {
        var now = new DateTimeOffset(2025, 11, 15, 3, 0, 0, TimeSpan.FromHours(7));

        Assert.Null(Parse("0 2 * * *").Previous(now, Jakarta, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Previous_after_the_spring_forward_gap_in_Berlin_is_the_shifted_run()
    {
        Assert.Equal(Utc(2025, 3, 30, 1, 0), Parse("30 2 * * *").Previous(Utc(2025, 3, 30, 6, 0), Berlin, TimeSpan.FromDays(1)));
    }

    [Property]
    public bool Next_is_after_now_and_previous_of_next_is_next(NonNegativeInt minutesInto2025, byte hour, byte minute)
    {
        var schedule = Parse($"{minute % 60} {hour % 24} * * *");
        var now = Utc(2025, 1, 1, 0, 0).AddMinutes(minutesInto2025.Get % (366 * 24 * 60));

        var next = schedule.Next(now, Berlin)!.Value;

        return next > now && schedule.Previous(next, Berlin, TimeSpan.FromDays(2)) == next;
    }

    [Property]
    public bool Jakarta_daily_runs_are_always_24_hours_apart(NonNegativeInt minutesInto2025)
    {
        var schedule = Parse("0 2 * * *");
        var first = schedule.Next(Utc(2025, 1, 1, 0, 0).AddMinutes(minutesInto2025.Get % (366 * 24 * 60)), Jakarta)!.Value;

        return schedule.Next(first, Jakarta)!.Value - first == TimeSpan.FromDays(1);
    }
}
