using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The ledger's records (runs, nodes and pings, schema version 3): skipped occurrences, the last occurrence, history, summaries, nodes, pings, stored words,
/// and the migration that adds the ledger.</summary>
public abstract partial class JobLedgerContract
{
    [Fact]
    public async Task A_skipped_occurrence_is_recorded_finished_once_and_never_over_an_existing_record()
    {
        var ledger = await LedgerAsync();
        var claimed = await ClaimAsync(ledger, "db", 0);

        Assert.True(await ledger.RecordSkippedAsync("db", T0.AddHours(1), "node-b", Now, "catch_up: skip"));
        Assert.False(await ledger.RecordSkippedAsync("db", T0.AddHours(1), "node-c", Now.AddMinutes(1), "again"));
        Assert.False(await ledger.RecordSkippedAsync("db", T0, "node-b", Now, "already claimed"));

        var history = await ledger.HistoryAsync("db", 10);
        var skipped = new JobRun(history[0].Id, "db", T0.AddHours(1), 1, "node-b", Now, Now, Now, RunOutcome.Skipped, "catch_up: skip");
        Assert.Equal([skipped, claimed], history);
        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-c", Now, Lease));
        Assert.DoesNotContain(await ledger.ExpiredAsync(Now.AddDays(1)), r => r.Id == skipped.Id);
    }

    [Fact]
    public async Task The_last_occurrence_is_the_newest_with_any_record_and_null_for_a_job_that_never_ran()
    {
        var ledger = await LedgerAsync();
        Assert.Null(await ledger.LastOccurrenceAsync("db"));
        var run = await ClaimAsync(ledger, "db", 5);
        await ledger.FinishAsync(run, RunOutcome.Failed, Now, null);
        await ledger.RecordSkippedAsync("db", T0.AddHours(7), "node-a", Now, "skipped");
        await ClaimAsync(ledger, "db", 6);
        await ClaimAsync(ledger, "files", 9);

        Assert.Equal(T0.AddHours(7), await ledger.LastOccurrenceAsync("db"));
        Assert.Equal(T0.AddHours(9), await ledger.LastOccurrenceAsync("files"));
        Assert.Null(await ledger.LastOccurrenceAsync("logs"));
    }

    [Fact]
    public async Task History_is_newest_occurrence_first_then_newest_attempt_for_one_job_or_all_up_to_the_limit()
    {
        var ledger = await LedgerAsync();
        var db0 = await ClaimAsync(ledger, "db", 0);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var (_, db0Retry) = await ledger.DeclareLostAsync(db0, "node-b", Now, Lease, retry: true, "lost");
        await ledger.FinishAsync(db0Retry!, RunOutcome.Succeeded, Now, null);
        var db2 = await ClaimAsync(ledger, "db", 2);
        var files1 = await ClaimAsync(ledger, "files", 1);
        var lostDb0 = db0 with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "lost" };
        var doneRetry = db0Retry! with { Outcome = RunOutcome.Succeeded, FinishedAt = Now };

        Assert.Equal([db2, files1, doneRetry, lostDb0], await ledger.HistoryAsync(null, 10));
        Assert.Equal([db2, doneRetry, lostDb0], await ledger.HistoryAsync("db", 10));
        Assert.Equal([db2, doneRetry], await ledger.HistoryAsync("db", 2));
        Assert.Equal([files1], await ledger.HistoryAsync("files", 10));
        Assert.Empty(await ledger.HistoryAsync("logs", 10));
    }

    [Fact]
    public async Task Summaries_give_each_job_its_newest_run_and_its_newest_success()
    {
        var ledger = await LedgerAsync();
        Assert.Empty(await ledger.SummariesAsync());
        var db0 = await ClaimAsync(ledger, "db", 0);
        await ledger.FinishAsync(db0, RunOutcome.Succeeded, Now, null);
        var db1 = await ClaimAsync(ledger, "db", 1);
        await ledger.FinishAsync(db1, RunOutcome.Succeeded, Now, "newer");
        var db2 = await ClaimAsync(ledger, "db", 2);
        await ledger.FinishAsync(db2, RunOutcome.Failed, Now, "exit 3");
        var files = await ClaimAsync(ledger, "files", 0);
        await ledger.RecordSkippedAsync("logs", T0, "node-a", Now, "skipped");

        var summaries = await ledger.SummariesAsync();

        Assert.Equal(["db", "files", "logs"], summaries.Select(s => s.Job));
        Assert.Equal(db2 with { Outcome = RunOutcome.Failed, FinishedAt = Now, Detail = "exit 3" }, summaries[0].Last);
        Assert.Equal(db1 with { Outcome = RunOutcome.Succeeded, FinishedAt = Now, Detail = "newer" }, summaries[0].LastSuccess);
        Assert.Equal(new JobSummary("files", files, null), summaries[1]);
        Assert.Equal(RunOutcome.Skipped, summaries[2].Last.Outcome);
        Assert.Null(summaries[2].LastSuccess);
    }

    [Fact]
    public async Task Nodes_are_registered_refreshed_and_marked_stopped_and_listed_most_recently_seen_first()
    {
        var nodes = (await OpenAsync()).Nodes;
        var a = new NodeInfo("host-a:100:x1", "host-a", 100, "0.1.0", Now, Now, "ab12", null);
        var b = new NodeInfo("host-b:200:y2", "host-b", 200, "0.1.0", Now, Now.AddSeconds(5), "ab12", null);
        Assert.Empty(await nodes.NodesAsync());
        await nodes.BeatAsync(a);
        await nodes.BeatAsync(b);

        var refreshed = a with { LastSeen = Now.AddSeconds(30), PlanSha256 = "cd34", Version = "0.1.1" };
        await nodes.BeatAsync(refreshed);
        Assert.Equal([refreshed, b], await nodes.NodesAsync());

        await nodes.NodeStoppedAsync(b.Id, Now.AddSeconds(40));
        await nodes.BeatAsync(b with { LastSeen = Now.AddSeconds(41) }); // a beat in flight as it stopped
        Assert.Equal([b with { LastSeen = Now.AddSeconds(41), StoppedAt = Now.AddSeconds(40) }, refreshed], await nodes.NodesAsync());
        await nodes.NodeStoppedAsync("never-registered", Now);
        Assert.Equal(2, (await nodes.NodesAsync()).Count);
    }

    [Fact]
    public async Task Pings_of_one_check_are_listed_newest_first_up_to_the_limit_with_every_field()
    {
        var store = (await OpenAsync()).Pings;
        var pings = new[]
        {
            new Ping("nightly", PingKind.Start, null, Now, "http 10.0.0.7"),
            new Ping("nightly", PingKind.Exit, 3, Now.AddMinutes(1), "cli"),
            new Ping("other", PingKind.Success, null, Now.AddMinutes(2), "cli"),
            new Ping("nightly", PingKind.Fail, null, Now.AddMinutes(1), "http ::1"),
            new Ping("nightly", PingKind.Success, null, Now.AddMinutes(3), "http 10.0.0.7"),
        };
        foreach (var ping in pings) await store.AddPingAsync(ping);

        Assert.Equal([pings[4], pings[3], pings[1], pings[0]], await store.PingsAsync("nightly", 10));
        Assert.Equal([pings[4], pings[3]], await store.PingsAsync("nightly", 2));
        Assert.Equal([pings[2]], await store.PingsAsync("other", 10));
        Assert.Empty(await store.PingsAsync("none", 10));

        // The newest of every check in one read; of two in the same millisecond, the one that arrived last.
        var latest = await store.LatestAsync();
        Assert.Equal(2, latest.Count);
        Assert.Equal(pings[4], latest["nightly"]);
        Assert.Equal(pings[2], latest["other"]);
        await store.AddPingAsync(new Ping("other", PingKind.Fail, 1, Now.AddMinutes(2), "cli"));
        Assert.Equal(PingKind.Fail, (await store.LatestAsync())["other"].Kind);
    }

    [Fact]
    public async Task Only_the_newest_pings_of_a_check_are_kept_so_a_flood_cannot_grow_the_store()
    {
        var store = (await OpenAsync()).Pings;
        await store.AddPingAsync(new Ping("other", PingKind.Success, null, Now, "cli"));
        var flood = Enumerable.Range(0, Ping.KeptPerCheck + 50)
            .Select(i => new Ping("nightly", i % 2 == 0 ? PingKind.Success : PingKind.Start, null, Now.AddSeconds(i), "http 10.0.0.7")).ToList();
        foreach (var ping in flood) await store.AddPingAsync(ping);

        var kept = await store.PingsAsync("nightly", 1000);
        Assert.Equal(flood.AsEnumerable().Reverse().Take(Ping.KeptPerCheck), kept);
        Assert.Equal(Ping.KeptPerCheck + 1L, Convert.ToInt64(await ScalarAsync("SELECT count(*) FROM pings"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await store.PingsAsync("other", 10));
    }

    [Fact]
    public async Task Every_outcome_and_ping_kind_round_trips_and_is_stored_as_a_lower_case_word()
    {
        var store = await OpenAsync();
        var ledger = store.Runs;
        foreach (var outcome in Enum.GetValues<RunOutcome>().Where(o => o != RunOutcome.Running))
        {
            var run = await ClaimAsync(ledger, $"job-{outcome}");
            Assert.True(await ledger.FinishAsync(run, outcome, Now, null));
            Assert.Equal(outcome, (await ledger.HistoryAsync(run.Job, 1))[0].Outcome);
            Assert.Equal(outcome.ToString().ToLowerInvariant(), await ScalarAsync($"SELECT outcome FROM job_runs WHERE id = {run.Id}"));
        }
        foreach (var kind in Enum.GetValues<PingKind>()) await store.Pings.AddPingAsync(new Ping("c", kind, null, Now, "cli"));
        Assert.Equal(Enum.GetValues<PingKind>().Reverse(), (await store.Pings.PingsAsync("c", 10)).Select(p => p.Kind));
        Assert.Equal("exit", await ScalarAsync("SELECT kind FROM pings ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task Times_come_back_in_utc_and_an_occurrence_that_is_not_a_whole_millisecond_is_refused()
    {
        var ledger = await LedgerAsync();
        var local = new DateTimeOffset(2025, 11, 15, 9, 0, 0, TimeSpan.FromHours(7));

        var (_, run) = await ledger.TryClaimAsync("db", local, "node-a", local.AddTicks(4567), Lease);

        var read = Assert.Single(await ledger.HistoryAsync("db", 1));
        Assert.Equal(run, read);
        Assert.All([read.Occurrence, read.ClaimedAt, read.LeaseUntil], t => Assert.Equal(TimeSpan.Zero, t.Offset));
        Assert.Equal((local.UtcDateTime, local.UtcDateTime), (read.Occurrence.UtcDateTime, read.ClaimedAt.UtcDateTime));
        Assert.Equal(local.UtcDateTime, (await ledger.LastOccurrenceAsync("db"))!.Value.UtcDateTime);
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TryClaimAsync("files", T0.AddTicks(1), "node-a", Now, Lease));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.RecordSkippedAsync("files", T0.AddTicks(1), "node-a", Now, "skip"));
    }

    [Fact]
    public async Task An_outcome_edited_to_an_unknown_word_is_an_error_rather_than_a_guess()
    {
        var ledger = await LedgerAsync();
        await ClaimAsync(ledger);

        await ExecuteSqlAsync("UPDATE job_runs SET outcome = 'Succeeded'");

        await Assert.ThrowsAsync<FormatException>(() => ledger.HistoryAsync("db", 10));
    }

    [Fact]
    public async Task A_store_at_version_2_is_migrated_to_version_3_keeping_its_catalog()
    {
        var old = await OpenAsync();
        var record = new BackupRecord("r1", "db", "db/r1.sql", "postgres", BackupStatus.Complete, T0, T0.AddMinutes(2), 10, null, [], null, null, null, null);
        await old.Backups.SaveAsync(record);
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before the job ledger looks like.
        await ExecuteSqlAsync("DROP TABLE pings; DROP TABLE nodes; DROP TABLE job_runs; DELETE FROM jaga_schema WHERE version = 3;");
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        Assert.Equal([before[0], before[1], new AppliedMigration(3, before[2].Name, Now), .. before.Skip(3)], await store.MigrationsAsync());
        var found = await store.Backups.FindAsync("r1");
        Assert.Equal(record with { Copies = found!.Copies }, found);
        await ClaimAsync(store.Runs);
    }
}
