using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

/// <summary>The log's time bounds as <c>jaga log --since</c> and the dashboard's log page read them.</summary>
public sealed class LogTimeTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void A_duration_is_back_from_now_a_date_is_in_the_plans_zone_unless_it_has_an_offset()
    {
        Assert.Equal(LogTimeProblem.None, LogTimeText.Read("24h", Now, Jakarta, out var dayAgo));
        Assert.Equal(Now.AddDays(-1), dayAgo);
        Assert.Equal(LogTimeProblem.None, LogTimeText.Read("2026-12-07 09:00", Now, Jakarta, out var local));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero), local);
        Assert.Equal(LogTimeProblem.None, LogTimeText.Read("2026-12-07T09:00Z", Now, Jakarta, out var utc));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData("yesterday", LogTimeProblem.Invalid)]
    [InlineData("2026-13-45", LogTimeProblem.Invalid)]
    [InlineData("99999999d", LogTimeProblem.Range)]
    [InlineData("0001-01-01 03:00", LogTimeProblem.Range)]
    public void What_is_not_a_time_or_before_the_year_1_is_said_so(string text, LogTimeProblem problem)
    {
        Assert.Equal(problem, LogTimeText.Read(text, Now, Jakarta, out _));
    }

    [Fact]
    public void The_furthest_duration_is_given_in_days()
    {
        Assert.Equal($"{(Now - DateTimeOffset.MinValue).Days}d", LogTimeText.Furthest(Now));
    }
}
