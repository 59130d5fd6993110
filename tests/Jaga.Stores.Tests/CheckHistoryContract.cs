using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="ICheckHistory"/> promises, written once and run against each adapter: results read
/// back newest first, uptime and p95 from the tier that still holds each period, alerting states, and a compaction that only
/// deletes what the coarser tiers already hold, in chunks, and changes nothing when run again.</summary>
public abstract partial class CheckHistoryContract : StoreContract
{
    /// <summary>Noon, so an hour ago is the same UTC day and three days ago is not.</summary>
    protected static readonly DateTimeOffset Now = new(2025, 11, 15, 12, 0, 0, TimeSpan.Zero);

    protected static readonly HistoryRetention Defaults = new(TimeSpan.FromDays(7), TimeSpan.FromDays(90), TimeSpan.FromDays(730));

    protected async Task<ICheckHistory> HistoryAsync() => (await OpenAsync()).Checks;

    protected static CheckResult Result(string check, DateTimeOffset at, CheckOutcome outcome = CheckOutcome.Up, double ms = 10, string reason = "ok") =>
        new(check, at, outcome, DurationHistogram.Milliseconds(ms), reason);

    /// <summary>Results of one check a minute apart, in the hour before <paramref name="before"/> ago (one hourly bucket): <paramref name="up"/> passing, then <paramref name="down"/> failing.</summary>
    private static IEnumerable<CheckResult> Hour(string check, TimeSpan before, int up, int down) =>
        Enumerable.Range(0, up + down).Select(i =>
            Result(check, Now - before - TimeSpan.FromMinutes(i + 1), i < up ? CheckOutcome.Up : CheckOutcome.Down, 10 + i));

    /// <summary>Three results of <c>web</c> recorded out of order: up two minutes ago, down now, a warning a minute ago.</summary>
    private static CheckResult[] Web =>
    [
        Result("web", Now.AddMinutes(-2), CheckOutcome.Up, 12.5, "200 in 12 ms"),
        Result("web", Now, CheckOutcome.Down, 3000, "[STATUS] == 200 failed: [STATUS] was 503"),
        Result("web", Now.AddMinutes(-1), CheckOutcome.Warning, 0.25, "disk 85%"),
    ];

    [Fact]
    public async Task Recorded_results_come_back_newest_first_with_every_field_and_only_for_their_check()
    {
        var history = await HistoryAsync();
        CheckResult[] results =
        [
            .. Web,
            Result("db", Now, CheckOutcome.Up, 1, "connected"),
        ];

        await history.RecordAsync(results);

        Assert.Equal([results[1], results[2]], await history.RecentAsync("web", 2));
        Assert.Equal([results[1], results[2], results[0]], await history.RecentAsync("web", 10));
        Assert.Equal([results[3]], await history.RecentAsync("db", 10));
        Assert.Empty(await history.RecentAsync("nope", 10));
    }

    [Fact]
    public async Task Recent_results_of_many_checks_come_back_in_one_read_newest_first_at_most_the_limit_each_and_only_since_the_start()
    {
        var history = await HistoryAsync();
        CheckResult[] results =
        [
            .. Web,
            Result("db", Now.AddMinutes(-30), CheckOutcome.Up, 1, "connected"),
            Result("db", Now.AddDays(-2), CheckOutcome.Down, 1, "refused"),
            Result("other", Now, CheckOutcome.Up, 1, "not asked for"),
        ];
        await history.RecordAsync(results);

        var recent = await history.RecentManyAsync(["web", "db", "silent", "web"], Now.AddDays(-1), 2);

        Assert.Equal(["db", "silent", "web"], recent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([results[1], results[2]], recent["web"]);
        Assert.Equal([results[3]], recent["db"]);
        Assert.Empty(recent["silent"]);
        Assert.Empty(await history.RecentManyAsync([], Now.AddDays(-1), 2));
    }

    [Fact]
    public async Task Uptime_over_24_hours_and_its_p95_are_exact_from_raw_results_while_older_results_count_only_for_longer_periods()
    {
        var history = await HistoryAsync();
        // 100 results in the last 24 h, response times i²/10 ms (not evenly spread, so no histogram gets it exactly), 10 failing.
        var day = Enumerable.Range(1, 100).Select(i =>
            Result("web", Now - TimeSpan.FromMinutes(10 * i), i % 10 == 0 ? CheckOutcome.Down : CheckOutcome.Up, i * i / 10.0)).ToList();
        var older = Enumerable.Range(1, 20).Select(i => Result("web", Now - TimeSpan.FromDays(2) - TimeSpan.FromMinutes(i), CheckOutcome.Down));
        await history.RecordAsync([.. day, .. older]);

        var uptime = await history.UptimeAsync("web", Now);

        Assert.Equal(new CheckUptime(0.9, 90 / 120.0, 90 / 120.0, DurationHistogram.Milliseconds(902.5), 100, false), uptime);
    }

    [Fact]
    public async Task Uptime_of_many_checks_is_read_from_aggregates_with_an_estimated_p95_inside_the_right_bucket_and_nulls_for_a_silent_check()
    {
        var history = await HistoryAsync();
        var day = Enumerable.Range(1, 100).Select(i =>
            Result("web", Now - TimeSpan.FromMinutes(10 * i), i % 10 == 0 ? CheckOutcome.Down : CheckOutcome.Up, i * i / 10.0));
        await history.RecordAsync([.. day, Result("db", Now.AddMinutes(-5), CheckOutcome.Warning, 2)]);

        var all = await history.UptimeManyAsync(["web", "db", "silent", "web"], Now);

        Assert.Equal(["db", "silent", "web"], all.Keys.Order(StringComparer.Ordinal));
        var web = all["web"];
        Assert.Equal((0.9, 0.9, 0.9, 100L, true), (web.Day!.Value, web.Week!.Value, web.Month!.Value, web.ResultsDay, web.P95Estimated));
        Assert.InRange(web.P95Day!.Value.TotalMilliseconds, 500, 1000); // the bucket that holds the exact 902.5 ms
        Assert.Equal(new CheckUptime(1, 1, 1, DurationHistogram.Milliseconds(2), 1, true), all["db"]);
        Assert.Equal(CheckUptime.None, all["silent"]);
        Assert.Equal(CheckUptime.None, await history.UptimeAsync("silent", Now));
    }

    [Fact]
    public async Task Uptime_reads_hourly_aggregates_until_compaction_deleted_them_then_daily_ones_and_is_null_for_a_period_without_results()
    {
        var history = await HistoryAsync();
        await history.RecordAsync([
            .. Hour("web", TimeSpan.FromDays(40), 0, 4), // outside every period
            .. Hour("web", TimeSpan.FromDays(20), 6, 0),
            .. Hour("web", TimeSpan.FromDays(3), 2, 2),
            .. Hour("web", TimeSpan.FromMinutes(1), 3, 1),
            .. Hour("quiet", TimeSpan.FromDays(10), 1, 1),
        ]);
        var expected = new CheckUptime(0.75, 5 / 8.0, 11 / 14.0, null, 4, false);
        var quiet = new CheckUptime(null, null, 0.5, null, 0, false);
        Assert.Equal(expected, await Figures(history));

        // Defaults: only raw results older than 7 days go; 7 d and 30 d are still read from hourly aggregates.
        Assert.Equal(new HistoryCompaction(4 + 6 + 2, 0, 0), await history.CompactAsync(Defaults, Now));
        Assert.Equal(expected, await Figures(history));
        Assert.Equal(quiet, await history.UptimeAsync("quiet", Now) with { P95Day = null });

        // Hourly aggregates for 10 days: the month is read from daily ones, the 40-day-old day is gone after 35 days.
        var shorter = new HistoryRetention(TimeSpan.FromDays(1), TimeSpan.FromDays(10), TimeSpan.FromDays(35));
        Assert.Equal(new HistoryCompaction(4, 3, 1), await history.CompactAsync(shorter, Now));
        Assert.Equal(expected, await Figures(history));
        Assert.Equal(quiet, await history.UptimeAsync("quiet", Now) with { P95Day = null });
        Assert.Equal(new HistorySize(4, 2, 4), await history.SizeAsync());

        // Run again, and with the longer retention again: nothing more goes and nothing changes.
        Assert.Equal(new HistoryCompaction(0, 0, 0), await history.CompactAsync(shorter, Now));
        Assert.Equal(new HistoryCompaction(0, 0, 0), await history.CompactAsync(Defaults, Now));
        Assert.Equal(expected, await Figures(history));
    }

    /// <summary>The figures of "web" but its p95 (which depends on the tier).</summary>
    private static async Task<CheckUptime> Figures(ICheckHistory history) =>
        await history.UptimeAsync("web", Now) with { P95Day = null };

    [Fact]
    public async Task Compaction_deletes_a_backlog_larger_than_one_chunk_keeps_its_aggregates_and_does_nothing_when_run_again()
    {
        var history = await HistoryAsync();
        var old = Now - TimeSpan.FromDays(8);
        var results = Enumerable.Range(0, CheckHistoryText.Chunk * 2 + 500)
            .Select(i => Result($"c{i % 5}", old.AddSeconds(i), i % 4 == 0 ? CheckOutcome.Down : CheckOutcome.Up)).ToList();
        await history.RecordAsync(results);
        var before = await history.UptimeManyAsync(["c0", "c1"], Now);

        Assert.Equal(new HistoryCompaction(results.Count, 0, 0), await history.CompactAsync(Defaults, Now));
        Assert.Equal(new HistoryCompaction(0, 0, 0), await history.CompactAsync(Defaults, Now));

        Assert.Equal(0, (await history.SizeAsync()).Raw);
        Assert.Empty(await history.RecentAsync("c0", 10));
        Assert.Equal(before, await history.UptimeManyAsync(["c0", "c1"], Now));
        Assert.Equal(0.75, before["c0"].Month);
    }

    [Fact]
    public async Task Alerting_states_are_upserted_by_check_and_read_back_equal_in_name_order_and_one_by_one()
    {
        var history = await HistoryAsync();
        var web = new CheckState("web", CheckStatus.Down, Now.AddMinutes(-3), 3, 0, Now.AddMinutes(-2), "[STATUS] was 503");
        var db = CheckState.Initial("db", Now);

        await history.SaveStatesAsync([web, db]);
        Assert.Equal([db, web], await history.StatesAsync());

        var recovered = web with { Status = CheckStatus.Up, Since = Now, Failures = 0, Successes = 2, LastAlertAt = null, Reason = "200" };
        await history.SaveStatesAsync([recovered]);
        Assert.Equal([db, recovered], await history.StatesAsync());
        Assert.Equal(recovered, await history.StateAsync("web"));
        Assert.Equal(db, await history.StateAsync("db"));
        Assert.Null(await history.StateAsync("nosuch"));
    }

    [Fact]
    public async Task A_store_at_version_3_is_migrated_to_version_4_keeping_its_job_ledger()
    {
        var old = await OpenAsync();
        await old.Runs.TryClaimAsync("db", Now, "node-a", Now, TimeSpan.FromMinutes(10));
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before the check history looks like.
        await ExecuteSqlAsync("""
            DROP TABLE check_states; DROP TABLE check_history_marks; DROP TABLE check_daily; DROP TABLE check_hourly;
            DROP TABLE check_results; DELETE FROM jaga_schema WHERE version = 4;
            """);
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        Assert.Equal([.. before.Take(3), new AppliedMigration(4, before[3].Name, Clock.GetUtcNow()), .. before.Skip(4)], await store.MigrationsAsync());
        Assert.Single(await store.Runs.HistoryAsync("db", 10));
        await store.Checks.RecordAsync([Result("web", Now)]);
        Assert.Single(await store.Checks.RecentAsync("web", 10));
    }
}
