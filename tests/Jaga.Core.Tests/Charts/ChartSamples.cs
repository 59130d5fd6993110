using Jaga.Core.Charts;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Charts;

/// <summary>The inputs the chart tests draw: a day of response times in Jakarta, a month of backup sizes, 90 days of uptime.</summary>
internal static class ChartSamples
{
    public static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>2025-11-15 00:00 in Jakarta.</summary>
    public static readonly DateTimeOffset Midnight = new(2025, 11, 14, 17, 0, 0, TimeSpan.Zero);

    public static LineChart ResponseTimes(string title = "Response time of api") => new("api-response", title,
        [new LineSeries("api", [.. Enumerable.Range(0, 48).Select(i => new ChartPoint(Midnight.AddMinutes(30 * i), 80 + (i * 37 % 113) + (i == 30 ? 900 : 0)))])],
        ChartUnit.Milliseconds, Jakarta);

    public static LineChart BackupSizes() => new("db-sizes", "Backup sizes",
        [
            new LineSeries("db", [.. Enumerable.Range(0, 30).Select(i => new ChartPoint(Midnight.AddDays(i - 29).AddHours(2), 1_200_000_000 + (i * 15_000_000.0)))]),
            new LineSeries("uploads", [.. Enumerable.Range(0, 30).Select(i => new ChartPoint(Midnight.AddDays(i - 29).AddHours(3), 400_000_000 + (i * 1_000_000.0)))]),
        ],
        ChartUnit.Bytes, Jakarta);

    public static IReadOnlyList<DayUptime> Uptime(int days = 90) =>
    [
        .. Enumerable.Range(0, days).Select(i => new DayUptime(
            DateOnly.FromDateTime(Midnight.AddDays(i - days + 1).ToOffset(TimeSpan.FromHours(7)).DateTime),
            i < 10 ? 0 : 2880, i < 10 ? 0 : i == 40 ? 2700 : i == 41 ? 2870 : 2880, ToTheHour: i > 5)),
    ];
}
