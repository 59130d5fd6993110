using System.Diagnostics;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace Jaga.Stores.Tests;

/// <summary>The check history contract against SQLite, and the simulated year that shows the store stays bounded.</summary>
public sealed class SqliteCheckHistoryTests(ITestOutputHelper output) : CheckHistoryContract
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("jaga-sqlite-");

    protected override Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(folder.FullName, "state.db"));

    protected override async Task<IStateStore> OpenAsync(string location, TimeProvider clock) =>
        await SqliteStateStore.OpenAsync(location, clock);

    protected override Task ExecuteSqlAsync(string sql) => StoreSql.ExecuteSqliteAsync(Location, sql);

    protected override Task DeleteLocationAsync()
    {
        folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>10 checks every 5 minutes (2,880 results a day, a million in the year; coarser than 1,000 checks every 10 s so the year runs in seconds,
    /// the bound it proves is per result), recorded a day at a time through 365 days with a compaction after each day.</summary>
    [Fact]
    public async Task The_store_stays_bounded_through_a_simulated_year_of_results_with_daily_compaction()
    {
        const int checks = 10;
        const int perDay = checks * 24 * 12;
        var history = await HistoryAsync();
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        long pagesMonth9 = 0;
        for (var day = 0; day < 365; day++)
        {
            var midnight = start.AddDays(day);
            var results = new List<CheckResult>(perDay);
            for (var minute = 0; minute < 24 * 60; minute += 5)
                for (var c = 0; c < checks; c++)
                    results.Add(Result($"check-{c}", midnight.AddMinutes(minute), (minute + c) % 97 < 2 ? CheckOutcome.Down : CheckOutcome.Up, 5 + ((minute * 7 + c) % 400)));
            await history.RecordAsync(results);
            await history.CompactAsync(Defaults, midnight.AddDays(1));

            var size = await history.SizeAsync();
            Assert.InRange(size.Raw, 0, (7 + 1) * perDay);
            Assert.InRange(size.Hourly, 0, ((90 * 24) + 2) * checks);
            Assert.InRange(size.Daily, 0, 730 * checks);
            if (day == 273) pagesMonth9 = await PagesAsync();
        }
        var pagesMonth12 = await PagesAsync();
        var final = await history.SizeAsync();
        output.WriteLine($"{watch.Elapsed}: {final}, pages after month 9 {pagesMonth9}, after month 12 {pagesMonth12}");

        // Raw and hourly tiers are full since day 90; only the daily tier still grows (10 rows a day, ~900 rows, a few pages).
        Assert.Equal(((90 * 24) + 1) * checks, final.Hourly, tolerance: 24 * checks);
        Assert.InRange(pagesMonth12, pagesMonth9 * 0.95, pagesMonth9 * 1.05);
        var uptime = await history.UptimeAsync("check-0", start.AddDays(365));
        Assert.InRange(uptime.Month!.Value, 0.97, 0.99); // 2 failures in 97
    }

    /// <summary>The database's size in pages, free ones included: what the file takes once the WAL is checkpointed.</summary>
    private async Task<long> PagesAsync() => (long)(await StoreSql.ScalarSqliteAsync(Location, "PRAGMA page_count"))!;
}
