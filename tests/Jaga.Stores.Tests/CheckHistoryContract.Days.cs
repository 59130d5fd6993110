using Jaga.Core.Monitoring;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>Uptime per day of the plan's zone, for the Monitoring page's 90-day bars.</summary>
public abstract partial class CheckHistoryContract
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>23:30 on the 14th and 00:30 on the 15th in Jakarta, both on the 14th in UTC; and 18:00 on the 15th in Jakarta.</summary>
    private static readonly CheckResult[] AroundMidnight =
    [
        Result("api", new DateTimeOffset(2025, 11, 14, 16, 30, 0, TimeSpan.Zero), CheckOutcome.Up),
        Result("api", new DateTimeOffset(2025, 11, 14, 17, 30, 0, TimeSpan.Zero), CheckOutcome.Down),
        Result("api", new DateTimeOffset(2025, 11, 15, 11, 0, 0, TimeSpan.Zero), CheckOutcome.Warning),
        Result("db", new DateTimeOffset(2025, 11, 15, 11, 0, 0, TimeSpan.Zero), CheckOutcome.Down),
    ];

    [Fact]
    public async Task Uptime_per_day_counts_each_result_for_its_day_in_the_plans_zone()
    {
        var history = await HistoryAsync();
        await history.RecordAsync(AroundMidnight);

        var jakarta = await history.DailyUptimeAsync(["api", "db", "silent", "api"], Now, Jakarta, 3);
        var utc = await history.DailyUptimeAsync(["api"], Now, TimeZoneInfo.Utc, 3);

        Assert.Equal(["api", "db", "silent"], jakarta.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            [new(new DateOnly(2025, 11, 13), 0, 0, true), new(new DateOnly(2025, 11, 14), 1, 1, true), new DayUptime(new DateOnly(2025, 11, 15), 2, 1, true)],
            jakarta["api"]);
        Assert.Equal([null, null, 0.0], jakarta["db"].Select(d => d.Share));
        Assert.All(jakarta["silent"], d => Assert.Equal(0, d.Count));
        Assert.Equal([0L, 2L, 1L], utc["api"].Select(d => d.Count));
        Assert.Equal([0L, 1L, 1L], utc["api"].Select(d => d.Passed));
    }

    [Fact]
    public async Task Uptime_per_day_reads_daily_aggregates_for_days_the_hourly_ones_were_compacted_from()
    {
        var history = await HistoryAsync();
        await history.RecordAsync(AroundMidnight);
        await history.RecordAsync([Result("api", Now.AddDays(95), CheckOutcome.Up)]);
        await history.CompactAsync(Defaults, Now.AddDays(95));

        var days = (await history.DailyUptimeAsync(["api"], Now.AddDays(95), Jakarta, 100))["api"];

        // The UTC day of the 14th runs from 07:00 on the 14th to 07:00 on the 15th in Jakarta: it counts for the 14th, whole.
        Assert.Equal(new DayUptime(new DateOnly(2025, 11, 14), 2, 1, ToTheHour: false), days.Single(d => d.Day == new DateOnly(2025, 11, 14)));
        Assert.Equal(new DayUptime(new DateOnly(2025, 11, 15), 1, 1, ToTheHour: false), days.Single(d => d.Day == new DateOnly(2025, 11, 15)));
        Assert.Equal(new DayUptime(new DateOnly(2026, 2, 18), 1, 1, ToTheHour: true), days[^1]);
        Assert.Equal(4, days.Sum(d => d.Count));
    }
}
