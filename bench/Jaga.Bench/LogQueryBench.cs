using System.Diagnostics;
using System.Globalization;
using Jaga.Core.Journal;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Postgres;
using Jaga.Sqlite;

/// <summary>The maintenance log's query (the dashboard's log page, <c>jaga log</c>) over a chain of a million entries: the
/// first page, a deep page, and the level, pillar, time and text filters, each timed over several runs (p50, p95).</summary>
internal static class LogQueryBench
{
    private static readonly string[] Kinds = ["backup.run", "monitor.state", "monitor.host", "update.apply", "runbook.step", "incident.open", "migration.import", "manual", "plan.load", "logs.rotate"];

    // Usage: Jaga.Bench log-query <sqlite-path | postgres://…> <entries> <runs>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: Jaga.Bench log-query <sqlite-path|postgres-url> <entries> <runs>");
            return 2;
        }
        var (target, total, runs) = (args[0], int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));
        // The benchmark's composition root: the one place it reads the system clock.
#pragma warning disable RS0030
        var clock = TimeProvider.System;
#pragma warning restore RS0030
        IStateStore store = target.StartsWith("postgres", StringComparison.Ordinal)
            ? await PostgresStateStore.OpenAsync(target, clock, CancellationToken.None)
            : await SqliteStateStore.OpenAsync(target, clock);
        await using var _ = store;

        var sw = Stopwatch.StartNew();
        await FillAsync(store, total, clock);
        var fill = sw.Elapsed;
        var head = (await store.HeadAsync())!;
        var monthAgo = head.Time.AddDays(-30);
        (string Name, LogQuery Query)[] cases =
        [
            ("first_page", new LogQuery()),
            ("deep_page", new LogQuery { Before = head.Seq - 900_000 }),
            ("level_error", new LogQuery { MinLevel = Severity.Error }),
            ("level_error_deep", new LogQuery { MinLevel = Severity.Error, Before = head.Seq - 900_000 }),
            ("pillar_emergency", new LogQuery { Pillar = Pillar.Emergency }),
            ("text_common", new LogQuery { Text = "SELESAI" }),
            ("text_rare", new LogQuery { Text = "gagal" }),
            ("text_none_one_page", new LogQuery { Text = "no entry says this" }),
            ("window_month_ago", new LogQuery { From = monthAgo.AddDays(-1), Until = monthAgo }),
        ];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store={store.Description} entries={head.Seq} fill_s={fill.TotalSeconds:0.0} runs={runs}"));
        foreach (var (name, query) in cases)
        {
            var times = new List<double>(runs);
            var count = 0;
            await store.QueryAsync(query); // warm: the first run pays for the connection and the plan
            for (var r = 0; r < runs; r++)
            {
                sw.Restart();
                count = (await store.QueryAsync(query)).Entries.Count;
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: entries={count} p50_ms={Percentile(times, 0.50):0.0} p95_ms={Percentile(times, 0.95):0.0} max_ms={times[^1]:0.0}"));
        }
        // What `jaga log --grep` does with a text no entry holds: every window, newest to oldest, until the first entry.
        var walks = new List<double>();
        var pages = 0;
        for (var r = 0; r < Math.Min(runs, 3); r++)
        {
            sw.Restart();
            var query = new LogQuery { Text = "no entry says this" };
            for (pages = 1; (await store.QueryAsync(query)).Next is { } next; pages++) query = query with { Before = next };
            walks.Add(sw.Elapsed.TotalMilliseconds);
        }
        walks.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"text_none_every_page: pages={pages} p50_ms={Percentile(walks, 0.50):0.0} max_ms={walks[^1]:0.0}"));
        return 0;
    }

    /// <summary>Appends entries through the store's own batch append until the chain holds <paramref name="total"/>: one
    /// every 30 s back from now (a million reach about a year back), 90% INFO, 9% WARN, 1% ERROR; one in a thousand
    /// messages says "gagal" (failed).</summary>
    public static async Task FillAsync(IStateStore store, int total, TimeProvider clock)
    {
        var have = (await store.HeadAsync())?.Seq ?? 0;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var start = clock.GetUtcNow().AddSeconds(-30.0 * total);
        for (var n = have; n < total; n += 10_000)
        {
            var drafts = new List<AuditDraft>(10_000);
            for (var i = n; i < Math.Min(total, n + 10_000); i++)
            {
                var level = i % 100 == 7 ? Severity.Error : i % 100 < 10 ? Severity.Warn : Severity.Info;
                var message = i % 1000 == 500 ? $"Backup database gagal: backup/db_{i}.sql" : $"Backup database selesai: backup/db_{i}.sql";
                var at = start.AddSeconds(30.0 * i);
                drafts.Add(new AuditDraft(at, "bench@localhost", Kinds[i % Kinds.Length], level, message, LogLine.Format(at, zone, level, message),
                    new Dictionary<string, string> { ["job"] = "db" }));
            }
            await store.AppendBatchAsync(drafts);
        }
    }

    /// <summary>The nearest-rank percentile of sorted times.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
