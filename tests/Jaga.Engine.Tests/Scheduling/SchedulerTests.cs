using Jaga.Core.Ports;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>The scheduler on a real SQLite store and a fake clock: on-time runs, no overlap, the concurrency limit,
/// timeouts, crashes, lost runs and shutdown.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task An_interval_job_runs_every_occurrence_once_on_time()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        h.Run(SchedulerHarness.Every("tick", 10, SchedulerHarness.Ok));

        await h.WaitForRunsAsync("tick", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the first run (never ran → due now)");
        for (var i = 0; i < 5; i++) await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        var runs = await h.WaitForRunsAsync("tick", r => r.Count == 6 && r.All(x => x.Outcome == RunOutcome.Succeeded), "six runs");
        Assert.Equal(Enumerable.Range(0, 6).Select(i => SchedulerHarness.Start.AddSeconds(10 * i)), runs.Select(r => r.Occurrence).Reverse());
        Assert.All(runs, r => Assert.Equal(1, r.Attempt));
    }

    [Fact]
    public async Task A_slow_job_never_overlaps_itself_and_does_not_delay_another_job()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var release = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        async Task<JobResult> Slow(CancellationToken ct)
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            return new JobResult(true, "slow done");
        }
        h.Run(SchedulerHarness.Every("slow", 10, Slow), SchedulerHarness.Every("fast", 10, SchedulerHarness.Ok));

        await h.WaitForRunsAsync("slow", r => r.Count == 1 && r[0].Outcome == RunOutcome.Running, "slow is running");
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        await h.WaitForRunsAsync("fast", r => r.Count == 4 && r.All(x => x.Outcome == RunOutcome.Succeeded), "fast ran on time all along");
        Assert.Single(await h.Store.Runs.HistoryAsync("slow", 10));

        release.SetResult();
        // Freed after its three missed occurrences: it catches up once, for the latest, and says so.
        var slow = await h.WaitForRunsAsync("slow", r => r.Count == 2 && r.All(x => x.Outcome == RunOutcome.Succeeded), "slow caught up once");
        Assert.Equal(SchedulerHarness.Start.AddSeconds(30), slow[0].Occurrence);
        Assert.Equal(1, most);
        Assert.Contains("missed", File.ReadAllText(h.Journal.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_more_jobs_run_at_once_than_the_concurrency_limit()
    {
        await using var h = await SchedulerHarness.CreateAsync(concurrency: 2);
        var release = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        async Task<JobResult> Held(CancellationToken ct)
        {
            lock (release) most = Math.Max(most, ++running);
            await release.Task.WaitAsync(ct);
            lock (release) running--;
            return new JobResult(true, "done");
        }
        h.Run([.. Enumerable.Range(0, 5).Select(i => SchedulerHarness.Every($"job{i}", 60, Held))]);

        // All five are claimed at once; two work, three wait for a slot.
        for (var i = 0; i < 5; i++) await h.WaitForRunsAsync($"job{i}", r => r.Count == 1, $"job{i} claimed");
        await Task.Delay(200);
        Assert.Equal(2, most);
        release.SetResult();
        for (var i = 0; i < 5; i++) await h.WaitForRunsAsync($"job{i}", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, $"job{i} done");
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task A_job_that_hangs_past_its_timeout_is_recorded_timed_out_and_the_next_occurrence_still_runs()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var calls = 0;
        Task<JobResult> HangOnce(CancellationToken ct) =>
            Interlocked.Increment(ref calls) == 1 ? new TaskCompletionSource<JobResult>().Task : SchedulerHarness.Ok(ct);
        h.Run(SchedulerHarness.Every("hang", 60, HangOnce, timeout: TimeSpan.FromSeconds(5)));

        await h.WaitForRunsAsync("hang", r => r.Count == 1, "claimed");
        await h.AdvanceAsync(TimeSpan.FromSeconds(8));
        var runs = await h.WaitForRunsAsync("hang", r => r[0].Outcome == RunOutcome.TimedOut, "timed out after 5 s (+2 s to abandon it)");
        Assert.Contains("timeout of 5s", runs[0].Detail, StringComparison.Ordinal);
        Assert.Contains("[ERROR]", File.ReadAllText(h.Journal.LogPath), StringComparison.Ordinal);

        await h.AdvanceAsync(TimeSpan.FromSeconds(60));
        await h.WaitForRunsAsync("hang", r => r.Count == 2 && r[0].Outcome == RunOutcome.Succeeded, "the next occurrence ran");
    }

    [Fact]
    public async Task A_job_that_throws_is_recorded_failed_with_its_message_and_the_scheduler_goes_on()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        h.Run(SchedulerHarness.Every("boom", 10, _ => throw new InvalidOperationException("disk on fire")), SchedulerHarness.Every("fine", 10, SchedulerHarness.Ok));

        var runs = await h.WaitForRunsAsync("boom", r => r.Count == 1 && r[0].Outcome == RunOutcome.Failed, "failed");
        Assert.Contains("disk on fire", runs[0].Detail, StringComparison.Ordinal);
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.WaitForRunsAsync("fine", r => r.Count == 2 && r.All(x => x.Outcome == RunOutcome.Succeeded), "the other job went on");
        await h.WaitForRunsAsync("boom", r => r.Count == 2, "and so did the failing one");
    }

    [Fact]
    public async Task On_shutdown_a_running_job_gets_the_grace_then_is_recorded_interrupted_never_succeeded()
    {
        await using var h = await SchedulerHarness.CreateAsync(shutdown: TimeSpan.FromSeconds(5));
        // The job sees its cancellation on its own thread, possibly just after the scheduler has recorded it (a job that
        // ignores cancellation is abandoned, not awaited): wait for it rather than read a flag at one instant.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Claimed is not yet running (it may still wait for its slot): the stop must come once the work has begun.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<JobResult> Long(CancellationToken ct)
        {
            started.TrySetResult();
            try { await Task.Delay(Timeout.InfiniteTimeSpan, ct); }
            catch (OperationCanceledException) { cancelled.TrySetResult(); throw; }
            return new JobResult(true, "never");
        }
        h.Run(SchedulerHarness.Every("long", 60, Long));
        await h.WaitForRunsAsync("long", r => r.Count == 1, "claimed");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = h.StopAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(6));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        var runs = await h.Store.Runs.HistoryAsync("long", 10);
        Assert.Equal(RunOutcome.Interrupted, Assert.Single(runs).Outcome);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("interrupted by shutdown", File.ReadAllText(h.Journal.LogPath), StringComparison.Ordinal);
        Assert.NotNull((await h.Store.Nodes.NodesAsync()).Single().StoppedAt);
    }

    [Fact]
    public async Task A_run_whose_node_went_silent_is_declared_lost_and_run_again_by_this_node()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var occurrence = SchedulerHarness.Start;
        var (claimed, _) = await h.Store.Runs.TryClaimAsync("db", occurrence, "dead-node", occurrence.AddSeconds(-40), TimeSpan.FromSeconds(30));
        Assert.Equal(ClaimResult.Claimed, claimed);

        h.Run(SchedulerHarness.Every("db", 3600, SchedulerHarness.Ok));

        var runs = await h.WaitForRunsAsync("db", r => r.Count == 2 && r[0].Outcome == RunOutcome.Succeeded, "lost, then retried");
        Assert.Equal((2, "node-a"), (runs[0].Attempt, runs[0].Node));
        Assert.Equal((RunOutcome.Lost, "dead-node"), (runs[1].Outcome, runs[1].Node));
        Assert.Contains("was lost: node dead-node stopped renewing its claim; running it again", File.ReadAllText(h.Journal.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_that_fails_while_the_store_is_locked_is_made_again_for_the_same_occurrence()
    {
        await using var h = await SchedulerHarness.CreateAsync(wrap: ledger => new FlakyLedger(ledger, failures: 2));
        h.Run(SchedulerHarness.Every("daily", 86_400, SchedulerHarness.Ok));

        await h.AdvanceAsync(TimeSpan.FromSeconds(3));

        var runs = await h.WaitForRunsAsync("daily", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "claimed on a later look");
        Assert.Equal(SchedulerHarness.Start, runs[0].Occurrence);
    }

    [Fact]
    public async Task A_secret_of_the_plan_in_a_crash_message_is_hidden_in_the_stored_run()
    {
        await using var h = await SchedulerHarness.CreateAsync(planExtra: "destinations:\n  nas: { sftp: \"sftp://backup@nas/srv\", password: \"hunter2-very-secret\" }\n");
        h.Run(SchedulerHarness.Every("leaky", 60, _ => throw new InvalidOperationException("login as backup:hunter2-very-secret refused")));

        var runs = await h.WaitForRunsAsync("leaky", r => r.Count == 1 && r[0].Outcome == RunOutcome.Failed, "failed");

        Assert.Contains("refused", runs[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-very-secret", runs[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-very-secret", File.ReadAllText(h.Journal.LogPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_while_a_pass_is_claiming_keeps_its_new_schedule()
    {
        var claiming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = 1;
        async Task HoldFirstClaim()
        {
            if (Interlocked.Exchange(ref first, 0) == 0) return;
            claiming.SetResult();
            await release.Task;
        }
        await using var h = await SchedulerHarness.CreateAsync(wrap: l => new FlakyLedger(l, 0, HoldFirstClaim));
        h.Run(SchedulerHarness.Every("tick", 3600, SchedulerHarness.Ok));
        await claiming.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Reloaded while the pass waits for the store: every 10 s now. The pass's next look, computed from the hourly
        // schedule, must not overwrite the reload's reset.
        h.Scheduler.Replace([SchedulerHarness.Every("tick", 10, SchedulerHarness.Ok)]);
        release.SetResult();
        await h.WaitForRunsAsync("tick", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the first run");
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));

        var runs = await h.WaitForRunsAsync("tick", r => r.Count == 2, "a run 10 s later, on the reloaded schedule");
        Assert.Equal(SchedulerHarness.Start.AddSeconds(10), runs[0].Occurrence);
    }

    [Fact]
    public async Task A_job_a_reload_removes_stops_and_runs_again_when_a_reload_brings_it_back()
    {
        // Removed while running and brought back while still running, removed while idle and brought back: each time it is
        // looked at again on its schedule (a pass looks only at the jobs its agenda says are due).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<JobResult> Held(CancellationToken ct)
        {
            await release.Task.WaitAsync(ct);
            return new JobResult(true, "held");
        }
        var held = SchedulerHarness.Every("held", 10, Held);
        var tick = SchedulerHarness.Every("tick", 10, SchedulerHarness.Ok);
        await using var h = await SchedulerHarness.CreateAsync();
        h.Run(held, tick);
        await h.WaitForRunsAsync("held", r => r.Count == 1 && r[0].Outcome == RunOutcome.Running, "held is running");
        h.Scheduler.Replace([tick]);
        h.Scheduler.Replace([held, tick]);
        release.SetResult();
        await h.WaitForRunsAsync("held", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "held's first run ended");
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await h.WaitForRunsAsync("held", r => r.Count == 2, "held ran on its schedule after coming back while it ran");

        h.Scheduler.Replace([tick]);
        await h.AdvanceAsync(TimeSpan.FromSeconds(20));
        await h.WaitForRunsAsync("tick", r => r.Count == 4, "tick ran on");
        Assert.Equal(2, (await h.Store.Runs.HistoryAsync("held", 10)).Count);

        h.Scheduler.Replace([held, tick]);
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        var runs = await h.WaitForRunsAsync("held", r => r.Count >= 3 && r.All(x => x.Outcome == RunOutcome.Succeeded), "held ran again once back");
        Assert.All(await h.Store.Runs.HistoryAsync("tick", 10), r => Assert.Equal(RunOutcome.Succeeded, r.Outcome));
        Assert.Equal(runs.Count, runs.Select(r => r.Occurrence).Distinct().Count());
    }

    [Fact]
    public async Task A_run_claimed_as_the_node_begins_to_stop_still_runs()
    {
        // Seen with three nodes: a claim made as SIGTERM came was recorded interrupted, unstarted; no node ran its occurrence.
        var claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task HoldAfterClaim()
        {
            claimed.TrySetResult();
            await release.Task;
        }
        await using var h = await SchedulerHarness.CreateAsync(wrap: l => new FlakyLedger(l, 0, afterClaims: HoldAfterClaim));
        h.Run(SchedulerHarness.Every("tick", 3600, SchedulerHarness.Ok));
        await claimed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopped = h.StopAsync();
        release.SetResult();
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));

        var run = Assert.Single(await h.Store.Runs.HistoryAsync("tick", 10));
        Assert.Equal(RunOutcome.Succeeded, run.Outcome);
    }

    [Fact]
    public async Task Disposing_the_scheduler_ends_its_writer_of_run_ends_while_the_store_refuses_them()
    {
        FlakyLedger? ledger = null;
        await using var h = await SchedulerHarness.CreateAsync(wrap: l => ledger = new FlakyLedger(l, 0) { RefuseEnds = true });
        h.Run(SchedulerHarness.Every("tick", 3600, SchedulerHarness.Ok));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (ledger!.EndTries == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(25);
        Assert.True(ledger.EndTries > 0, "the end of the first run was tried");

        // Stopping: the run's end is given up after the shutdown timeout and the wait for its record (fake time).
        var stopped = h.StopAsync();
        for (var i = 0; i < 60 && !stopped.IsCompleted; i++) await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await stopped.WaitAsync(TimeSpan.FromSeconds(10));
        await h.Scheduler.DisposeAsync();

        // Owned: once disposed, the writer of run ends has stopped retrying.
        var after = ledger.EndTries;
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(after, ledger.EndTries);
    }
}
