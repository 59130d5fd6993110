using Jaga.Core.Ports;

namespace Jaga.Cli.Tests;

/// <summary>The <c>approve</c> step in the executor over a real SQLite store: the run waits for approval and says so, a
/// timeout leaves the run running again, and approvals given before an interruption count after the resume.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookApproveStepTests
{
    [Fact]
    public async Task An_approval_that_times_out_with_on_failure_continue_leaves_the_run_running_not_waiting()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - approve: { prompt: "Go?", approvals: 1 }
                      timeout: 300ms
                      on_failure: continue
                    - name: next
                      run: "touch started; while [ ! -e go ]; do sleep 0.05; done"
            """);

        var running = w.RunAsync("r");
        await Until(() => File.Exists(w.File("started")), "step two to start");
        var during = (await w.Store.Runbooks.ListAsync("r", 1)).Single();
        await File.WriteAllTextAsync(w.File("go"), "");
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RunbookRunStatus.Running, during.Status);
        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var steps = await w.Store.Runbooks.StepsAsync(outcome.Run);
        Assert.Equal([StepAttemptOutcome.TimedOut, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome!.Value));
    }

    [Fact]
    public async Task Ctrl_c_while_waiting_for_approval_interrupts_and_the_resume_counts_the_approvals_given_before()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - approve: { prompt: "Restore?", approvals: 2 }
                    - run: "printf done >> trail"
            """);
        using var ctrlC = new CancellationTokenSource();
        var lines = new List<string>();
        var listener = new Jaga.Engine.Emergency.Runbooks.RunbookListener { Line = l => { lock (lines) lines.Add(l); } };

        var running = w.RunAsync("r", listener: listener, ct: ctrlC.Token);
        var waiting = await UntilAsync(async () => (await w.Store.Runbooks.ListAsync("r", 1)).SingleOrDefault(r => r.Status == RunbookRunStatus.WaitingApproval));
        Assert.True(await w.Store.Runbooks.ApproveAsync(waiting.Id, 0, "rina", DateTimeOffset.UtcNow, null));
        await Until(() => { lock (lines) return lines.Contains("approved by rina (1 of 2)"); }, "rina's approval to be seen");
        await ctrlC.CancelAsync();
        var stopped = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RunbookRunStatus.Interrupted, stopped.Status);
        Assert.Equal(RunbookRunStatus.Interrupted, (await w.Store.Runbooks.GetAsync(stopped.Run))!.Status);
        Assert.Equal("", w.Read("trail"));

        var taken = await w.Store.Runbooks.TryTakeOverAsync(stopped.Run, w.Services.Node, DateTimeOffset.UtcNow, w.Services.Lease);
        var resuming = w.Executor.ResumeAsync(taken!, w.Runbook("r"), listener, CancellationToken.None);
        await UntilAsync(async () => (await w.Store.Runbooks.GetAsync(stopped.Run))!.Status == RunbookRunStatus.WaitingApproval ? "" : null);
        Assert.False(await w.Store.Runbooks.ApproveAsync(stopped.Run, 0, "rina", DateTimeOffset.UtcNow, null));
        Assert.True(await w.Store.Runbooks.ApproveAsync(stopped.Run, 0, "budi", DateTimeOffset.UtcNow, null));
        var resumed = await resuming.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(resumed.Succeeded, resumed.Detail);
        Assert.Equal("done", w.Read("trail"));
        var steps = await w.Store.Runbooks.StepsAsync(stopped.Run);
        Assert.Equal(
            [(0, 1, StepAttemptOutcome.Interrupted), (0, 2, StepAttemptOutcome.Succeeded), (1, 1, StepAttemptOutcome.Succeeded)],
            steps.Select(a => (a.Index, a.Attempt, a.Outcome!.Value)));
        Assert.Equal("rina, budi", steps[1].Output);
        Assert.Contains(w.LogLines(), l => l.Contains($"run {stopped.Run} step 1 approve-1 succeeded after", StringComparison.Ordinal) && l.EndsWith("approved by rina, budi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_waiting_for_approval_taken_over_by_another_node_stops_here_and_finishes_there()
    {
        await using var a = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - approve: "Go?"
                    - run: "printf done >> trail"
            """);
        await using var b = await a.OtherNodeAsync("node-b");

        var first = a.RunAsync("r");
        var waiting = await UntilAsync(async () => (await a.Store.Runbooks.ListAsync("r", 1)).SingleOrDefault(r => r.Status == RunbookRunStatus.WaitingApproval));
        var taken = await b.Store.Runbooks.TryTakeOverAsync(waiting.Id, b.Services.Node, DateTimeOffset.UtcNow, b.Services.Lease);
        Assert.NotNull(taken);
        var left = await first.WaitAsync(TimeSpan.FromSeconds(20));
        var second = b.Executor.ResumeAsync(taken, b.Runbook("r"), null, CancellationToken.None);
        await UntilAsync(async () => (await b.Store.Runbooks.GetAsync(waiting.Id))!.Status == RunbookRunStatus.WaitingApproval ? "" : null);
        Assert.True(await b.Store.Runbooks.ApproveAsync(waiting.Id, 0, "rina", DateTimeOffset.UtcNow, null));
        var done = await second.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(left.TakenOver, left.Detail);
        Assert.True(done.Succeeded, done.Detail);
        Assert.Equal("done", a.Read("trail"));
        var run = await a.Store.Runbooks.GetAsync(waiting.Id);
        Assert.Equal(RunbookRunStatus.Succeeded, run!.Status);
        Assert.Equal("node-b", run.Node);
        var steps = await a.Store.Runbooks.StepsAsync(waiting.Id);
        Assert.Equal(
            [(0, 1, StepAttemptOutcome.Interrupted), (0, 2, StepAttemptOutcome.Succeeded), (1, 1, StepAttemptOutcome.Succeeded)],
            steps.Select(x => (x.Index, x.Attempt, x.Outcome!.Value)));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> found) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await found() is { } value) return value;
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(50);
        }
    }
}
