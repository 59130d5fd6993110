using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Scheduling;

namespace Jaga.Core.Tests.Monitoring;

/// <summary>A maintenance window is active from each start of its schedule, in the plan's zone, for its duration.</summary>
public sealed class MaintenanceWindowsTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static MaintenanceWindow Window(string cron, TimeSpan duration, params string[] checks)
    {
        Assert.True(CronSchedule.TryParse(cron, out var schedule, out _));
        return new MaintenanceWindow("nightly", schedule!, duration, checks);
    }

    private static DateTimeOffset Local(TimeZoneInfo zone, int month, int day, int hour, int minute)
    {
        var local = new DateTime(2025, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(15, 22, 59, false)]
    [InlineData(15, 23, 0, true)]
    [InlineData(16, 0, 30, true)]
    [InlineData(16, 0, 59, true)]
    [InlineData(16, 1, 0, false)]
    public void A_window_crossing_midnight_is_active_from_its_start_until_its_end(int day, int hour, int minute, bool active)
    {
        var windows = new[] { Window("0 23 * * *", TimeSpan.FromHours(2)) };

        var found = MaintenanceWindows.Active(windows, "api", Local(Jakarta, 11, day, hour, minute), Jakarta);

        Assert.Equal(active, found is not null);
    }

    [Fact]
    public void A_window_with_checks_covers_only_those_and_one_without_covers_all()
    {
        var now = Local(Jakarta, 11, 15, 23, 30);

        Assert.Null(MaintenanceWindows.Active([Window("0 23 * * *", TimeSpan.FromHours(1), "db")], "api", now, Jakarta));
        Assert.NotNull(MaintenanceWindows.Active([Window("0 23 * * *", TimeSpan.FromHours(1), "db")], "db", now, Jakarta));
        Assert.NotNull(MaintenanceWindows.Active([Window("0 23 * * *", TimeSpan.FromHours(1))], "api", now, Jakarta));
    }

    [Fact]
    public void A_window_is_read_in_the_plans_zone_not_in_utc()
    {
        var windows = new[] { Window("0 2 * * 0", TimeSpan.FromMinutes(30)) };
        var sundayTwoInJakarta = Local(Jakarta, 11, 16, 2, 10);

        Assert.NotNull(MaintenanceWindows.Active(windows, "api", sundayTwoInJakarta, Jakarta));
        Assert.Null(MaintenanceWindows.Active(windows, "api", sundayTwoInJakarta, TimeZoneInfo.Utc));
    }

    [Fact]
    public void A_window_over_the_spring_change_in_Berlin_lasts_its_duration_in_elapsed_time()
    {
        // 2025-03-30: clocks go from 02:00 to 03:00. A 2h window from 01:30 CET (00:30 UTC) ends at 02:30 UTC, 04:30 CEST.
        var windows = new[] { Window("30 1 * * *", TimeSpan.FromHours(2)) };
        var utc = (int hour, int minute) => new DateTimeOffset(2025, 3, 30, hour, minute, 0, TimeSpan.Zero);

        Assert.NotNull(MaintenanceWindows.Active(windows, "api", utc(0, 30), Berlin));
        Assert.NotNull(MaintenanceWindows.Active(windows, "api", utc(2, 29), Berlin));
        Assert.Null(MaintenanceWindows.Active(windows, "api", utc(2, 30), Berlin));
    }

    [Fact]
    public void A_window_starting_in_the_skipped_hour_still_opens_that_day()
    {
        // 02:30 does not exist in Berlin on 2025-03-30; the cron library starts it when the clock jumps, at 03:00 CEST (01:00 UTC).
        var windows = new[] { Window("30 2 * * *", TimeSpan.FromHours(1)) };

        Assert.NotNull(MaintenanceWindows.Active(windows, "api", new DateTimeOffset(2025, 3, 30, 1, 10, 0, TimeSpan.Zero), Berlin));
    }

    [Fact]
    public void A_window_in_the_repeated_autumn_hour_opens_once()
    {
        // 2025-10-26: 02:00–03:00 happens twice in Berlin. The window opens at the first 02:00 (00:00 UTC) only.
        var windows = new[] { Window("0 2 * * *", TimeSpan.FromMinutes(30)) };

        Assert.NotNull(MaintenanceWindows.Active(windows, "api", new DateTimeOffset(2025, 10, 26, 0, 20, 0, TimeSpan.Zero), Berlin));
        Assert.Null(MaintenanceWindows.Active(windows, "api", new DateTimeOffset(2025, 10, 26, 1, 20, 0, TimeSpan.Zero), Berlin));
    }
}
