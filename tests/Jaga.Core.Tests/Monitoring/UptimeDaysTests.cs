using Jaga.Core.Monitoring;
using Jaga.Core.Storage;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>The days the uptime bars show and how aggregates are counted into them, in a zone without summer time
/// (Asia/Jakarta, UTC+7), in UTC, and across a change to and from summer time.</summary>
public sealed class UptimeDaysTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // 2025-11-15 02:00 in Jakarta: still 2025-11-14 in UTC.
    private static readonly DateTimeOffset Now = new(2025, 11, 14, 19, 0, 0, TimeSpan.Zero);

    private static long Ms(int year, int month, int day, int hour, int offsetHours = 0) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(offsetHours)).ToUnixTimeMilliseconds();

    [Fact]
    public void The_last_day_is_today_in_the_plans_zone_and_the_days_run_oldest_first()
    {
        var jakarta = UptimeDays.Of(Now, Jakarta, 90, HistoryMarks.None);
        var utc = UptimeDays.Of(Now, TimeZoneInfo.Utc, 90, HistoryMarks.None);

        Assert.Equal(90, jakarta.Days.Count);
        Assert.Equal(new DateOnly(2025, 11, 15), jakarta.Days[^1]);
        Assert.Equal(new DateOnly(2025, 8, 18), jakarta.Days[0]);
        Assert.Equal(new DateOnly(2025, 11, 14), utc.Days[^1]);
        Assert.Equal(Ms(2025, 8, 18, 0, 7), jakarta.StartMs);
        Assert.Equal(Ms(2025, 8, 17, 0), utc.StartMs);
    }

    [Fact]
    public void Without_compaction_one_hourly_span_covers_every_day_up_to_now_and_no_daily_bucket_is_read()
    {
        var days = UptimeDays.Of(Now, Jakarta, 90, HistoryMarks.None);

        var span = Assert.Single(days.HourlySpans());

        Assert.Equal(new UptimeDays.Span(days.StartMs, Now.ToUnixTimeMilliseconds() + 1, days.StartMs, CheckHistoryText.DayMs, 0), span);
        Assert.Equal((0L, 0L), days.DailyWindow());
    }

    [Fact]
    public void An_hour_counts_for_the_local_day_it_starts_in()
    {
        var days = UptimeDays.Of(Now, Jakarta, 3, HistoryMarks.None);
        var span = Assert.Single(days.HourlySpans());
        int DayOf(long bucket) => span.FirstDay + (int)((bucket - span.AnchorMs) / span.LengthMs);

        // 16:00 UTC on the 14th is 23:00 on the 14th in Jakarta; 17:00 UTC is midnight of the 15th.
        Assert.Equal(1, DayOf(Ms(2025, 11, 14, 16)));
        Assert.Equal(2, DayOf(Ms(2025, 11, 14, 17)));
        Assert.Equal(0, DayOf(Ms(2025, 11, 12, 17)));
    }

    [Fact]
    public void After_compaction_old_days_come_from_daily_buckets_counted_for_the_day_that_holds_their_middle()
    {
        // Hourly buckets up to 2025-09-01 10:00 UTC were deleted: the whole UTC day of the 1st is read from the daily tier.
        var marks = HistoryMarks.None with { HourlyMs = Ms(2025, 9, 1, 10) };
        var days = UptimeDays.Of(Now, Jakarta, 90, marks);

        Assert.Equal(Ms(2025, 9, 2, 0), days.CutMs);
        Assert.All(days.HourlySpans(), s => Assert.True(s.FromMs >= days.CutMs));
        var (from, to) = days.DailyWindow();
        Assert.Equal(Ms(2025, 8, 17, 0), from);
        Assert.Equal(Ms(2025, 9, 2, 0), to);
        // The UTC day of 2025-09-01 is 07:00 on the 1st to 07:00 on the 2nd in Jakarta: its middle is on the 1st.
        Assert.Equal(new DateOnly(2025, 9, 1), days.Days[days.DayOfDailyBucket(Ms(2025, 9, 1, 0))]);
        Assert.Equal(-1, days.DayOfDailyBucket(Ms(2025, 8, 17, 0)));
    }

    [Fact]
    public void A_day_of_23_or_25_hours_is_a_span_of_its_own()
    {
        // Europe/Berlin leaves summer time on 2025-10-26: that day has 25 hours.
        var now = new DateTimeOffset(2025, 10, 28, 12, 0, 0, TimeSpan.Zero);
        var days = UptimeDays.Of(now, Berlin, 5, HistoryMarks.None);

        var spans = days.HourlySpans();

        Assert.Equal([24L, 25L, 24L], spans.Select(s => s.LengthMs / CheckHistoryText.HourMs));
        Assert.Equal([0, 2, 3], spans.Select(s => s.FirstDay));
        Assert.Equal(days.StartMs, spans[0].FromMs);
        Assert.Equal(spans[0].ToMs, spans[1].FromMs);
        Assert.Equal(spans[1].ToMs, spans[2].FromMs);
    }

    [Fact]
    public void The_tally_gives_every_check_asked_one_entry_per_day_and_ignores_others()
    {
        var days = UptimeDays.Of(Now, TimeZoneInfo.Utc, 3, HistoryMarks.None);
        var tally = new UptimeDays.Tally(days, ["api", "db", "api"]);

        tally.Add("api", 2, 10, 9, daily: false);
        tally.Add("api", 2, 10, 10, daily: false);
        tally.Add("api", 0, 4, 4, daily: true);
        tally.Add("nope", 1, 5, 5, daily: false);
        tally.Add("db", 7, 5, 5, daily: false);
        var result = tally.Result();

        Assert.Equal(["api", "db"], result.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([1.0, null, 0.95], result["api"].Select(d => d.Share));
        Assert.Equal(new DayUptime(days.Days[0], 4, 4, ToTheHour: false), result["api"][0]);
        Assert.Equal(new DayUptime(days.Days[1], 0, 0, ToTheHour: true), result["api"][1]);
        Assert.All(result["db"], d => Assert.Equal(0, d.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(UptimeDays.MaxDays + 1)]
    public void A_number_of_days_out_of_range_is_refused(int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => UptimeDays.Of(Now, TimeZoneInfo.Utc, n, HistoryMarks.None));
}
