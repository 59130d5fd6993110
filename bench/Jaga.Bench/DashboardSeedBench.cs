using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Sqlite;

/// <summary>Fills a state for the dashboard's benchmark (bench/dashboard/pages.sh): the maintenance log's entries, checks
/// <c>c0</c>… with one result an hour over the days asked for, and backups spread over jobs <c>b0</c>… in the catalog.</summary>
internal static class DashboardSeedBench
{
    // Usage: Jaga.Bench dashboard-seed <sqlite-path> <entries> <checks> <days> <backups> <jobs>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 6)
        {
            Console.Error.WriteLine("usage: Jaga.Bench dashboard-seed <sqlite-path> <entries> <checks> <days> <backups> <jobs>");
            return 2;
        }
        var n = args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        var (entries, checks, days, backups, jobs) = (n[0], n[1], n[2], n[3], n[4]);
        // The benchmark's composition root: the one place it reads the system clock.
#pragma warning disable RS0030
        var clock = TimeProvider.System;
#pragma warning restore RS0030
        await using var store = await SqliteStateStore.OpenAsync(args[0], clock);
        var sw = Stopwatch.StartNew();
        await LogQueryBench.FillAsync(store, entries, clock);
        var log = sw.Elapsed;

        sw.Restart();
        var now = clock.GetUtcNow();
        var hours = days * 24;
        for (var c = 0; c < checks; c++)
        {
            var results = new List<CheckResult>(hours);
            for (var h = hours; h > 0; h--)
            {
                // One check in ten is down one hour in fifty: the uptime bars are not all full.
                var down = c % 10 == 3 && h % 50 == 0;
                results.Add(new CheckResult($"c{c}", now.AddHours(-h), down ? CheckOutcome.Down : CheckOutcome.Up,
                    TimeSpan.FromMilliseconds(20 + (h * 7 + c) % 180), down ? "status 503" : ""));
            }
            await store.Checks.RecordAsync(results);
        }
        var history = sw.Elapsed;

        sw.Restart();
        for (var b = 0; b < backups; b++)
        {
            var job = $"b{b % jobs}";
            var started = now.AddHours(-(backups - b));
            var id = $"{job}-{started:yyyyMMdd'T'HHmmss}";
            await store.Backups.SaveAsync(new BackupRecord(id, job, $"{id}.tar.gz", "files", BackupStatus.Complete, started, started.AddSeconds(40),
                1_000_000L + b * 1_000L, new string('a', 64), [new BackupCopy("local", CopyState.Stored, null, started.AddMinutes(5))],
                started.AddMinutes(5), "checksum", null, null));
        }
        var catalog = sw.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded entries={entries} ({log.TotalSeconds:0.0} s) check_results={checks * hours} ({history.TotalSeconds:0.0} s) backups={backups} ({catalog.TotalSeconds:0.0} s)"));
        return 0;
    }
}
