using Jaga.Core.Ports;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary><see cref="Scheduler.RunNowAsync"/> (the dashboard's "back up now"): a run outside the schedule, claimed in the
/// run ledger so it never runs beside another run of the job, and waited for when the node stops.</summary>
public sealed class RunNowTests
{
    [Fact]
    public async Task A_job_runs_now_once_outside_its_schedule_and_its_schedule_goes_on()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        Assert.Equal(RunNowResult.Stopping, await h.Scheduler.RunNowAsync("minutely", CancellationToken.None));
        h.Run(SchedulerHarness.Every("minutely", 60, SchedulerHarness.Ok));
        await h.WaitForRunsAsync("minutely", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the first run (never ran → due now)");
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(RunNowResult.Started, await h.Scheduler.RunNowAsync("minutely", CancellationToken.None));
        Assert.Equal(RunNowResult.Unknown, await h.Scheduler.RunNowAsync("no-such-job", CancellationToken.None));

        var runs = await h.WaitForRunsAsync("minutely", r => r.Count == 2 && r.All(x => x.Outcome == RunOutcome.Succeeded), "the run asked for");
        Assert.Equal(SchedulerHarness.Start.AddSeconds(5), runs[0].Occurrence);
        await h.AdvanceAsync(TimeSpan.FromSeconds(55));
        runs = await h.WaitForRunsAsync("minutely", r => r.Count == 3 && r.All(x => x.Outcome == RunOutcome.Succeeded), "the next scheduled run");
        Assert.Equal(SchedulerHarness.Start.AddMinutes(1), runs[0].Occurrence);
    }

    [Fact]
    public async Task A_job_running_here_or_held_elsewhere_is_busy_and_runs_no_second_time()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var release = new TaskCompletionSource();
        var started = 0;
        async Task<JobResult> Held(CancellationToken ct)
        {
            Interlocked.Increment(ref started);
            await release.Task.WaitAsync(ct);
            return new JobResult(true, "done");
        }
        h.Run(SchedulerHarness.Every("held", 3600, Held));
        await h.WaitForRunsAsync("held", r => r.Count == 1 && r[0].Outcome == RunOutcome.Running, "the first run");
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(RunNowResult.Busy, await h.Scheduler.RunNowAsync("held", CancellationToken.None));
        release.SetResult();
        await h.WaitForRunsAsync("held", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the first run ended");
        // Another node (or `jaga backup run`) holds it now.
        var (claimed, _) = await h.Store.Runs.TryClaimAsync("held", h.Clock.GetUtcNow(), "node-b", h.Clock.GetUtcNow(), TimeSpan.FromMinutes(10));
        Assert.Equal(ClaimResult.Claimed, claimed);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(RunNowResult.Busy, await h.Scheduler.RunNowAsync("held", CancellationToken.None));
        Assert.Equal(1, started);
        Assert.Equal(2, (await h.Store.Runs.HistoryAsync("held", 10)).Count);
    }

    [Fact]
    public async Task A_run_asked_for_is_waited_for_when_the_node_stops_and_nothing_starts_after()
    {
        await using var h = await SchedulerHarness.CreateAsync(shutdown: TimeSpan.FromSeconds(30));
        var release = new TaskCompletionSource();
        var calls = 0;
        async Task<JobResult> SlowOnce(CancellationToken ct)
        {
            if (Interlocked.Increment(ref calls) == 1) return new JobResult(true, "first");
            await release.Task.WaitAsync(ct);
            return new JobResult(true, "asked for");
        }
        h.Run(SchedulerHarness.Every("slow", 3600, SlowOnce));
        await h.WaitForRunsAsync("slow", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the first run");
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(RunNowResult.Started, await h.Scheduler.RunNowAsync("slow", CancellationToken.None));
        await h.WaitForRunsAsync("slow", r => r.Count == 2 && r[0].Outcome == RunOutcome.Running, "the run asked for is running");

        var stopping = h.StopAsync();
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted, "the node stopped without waiting for the run asked for");
        release.SetResult();
        await stopping;

        var runs = await h.Store.Runs.HistoryAsync("slow", 10);
        Assert.Equal((2, RunOutcome.Succeeded), (runs.Count, runs[0].Outcome));
        Assert.Equal(RunNowResult.Stopping, await h.Scheduler.RunNowAsync("slow", CancellationToken.None));
    }
}
