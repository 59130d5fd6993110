using Jaga.Core.Ports;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Tests.Scheduling;

/// <summary>A job with nothing to work on yet (a verification before its backup exists): not claimed, so its occurrence is
/// not used up, and run once there is work — at once when the job it waits for ends on this node, else a minute later.</summary>
public sealed class WaitingJobTests
{
    [Fact]
    public async Task A_job_with_nothing_to_work_on_is_not_claimed_and_runs_as_soon_as_the_job_it_waits_for_ends()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var ready = 0;
        var release = new TaskCompletionSource();
        async Task<JobResult> Backup(CancellationToken ct)
        {
            await release.Task.WaitAsync(ct);
            Volatile.Write(ref ready, 1);
            return new JobResult(true, "backed up");
        }
        var backup = SchedulerHarness.Every("backup:x", 3600, Backup);
        var verify = SchedulerHarness.Every("verify:x", 3600, SchedulerHarness.Ok) with
        {
            Ready = _ => Task.FromResult(Volatile.Read(ref ready) == 1),
            After = backup.Id,
        };
        h.Run(backup, verify);

        await h.WaitForRunsAsync("backup:x", r => r.Count == 1 && r[0].Outcome == RunOutcome.Running, "the backup is running");
        await Task.Delay(300);
        Assert.Empty(await h.Store.Runs.HistoryAsync("verify:x", 10));
        release.SetResult();

        // The fake clock does not move: only the end of the backup can have woken the verification.
        var runs = await h.WaitForRunsAsync("verify:x", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the verification ran after the backup");
        Assert.Equal(SchedulerHarness.Start, runs[0].Occurrence);
    }

    [Fact]
    public async Task A_waiting_job_looks_again_within_a_minute_when_its_work_comes_from_elsewhere()
    {
        await using var h = await SchedulerHarness.CreateAsync();
        var ready = 0;
        var verify = SchedulerHarness.Every("verify:y", 3600, SchedulerHarness.Ok) with
        {
            Ready = _ => Task.FromResult(Volatile.Read(ref ready) == 1),
            After = Core.Scheduling.JobId.Other("backup:y"),
        };
        h.Run(verify);

        await Task.Delay(300);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await h.Store.Runs.HistoryAsync("verify:y", 10));
        // Another node's backup finished: nothing on this node wakes the job, its next look does.
        Volatile.Write(ref ready, 1);
        await h.AdvanceAsync(TimeSpan.FromSeconds(31));

        var runs = await h.WaitForRunsAsync("verify:y", r => r.Count == 1 && r[0].Outcome == RunOutcome.Succeeded, "the verification ran");
        Assert.Equal(SchedulerHarness.Start, runs[0].Occurrence);
    }
}
