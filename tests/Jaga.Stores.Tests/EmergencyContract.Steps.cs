using Jaga.Core.Emergency;
using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The steps of runbook runs, attempt by attempt, and the approvals of their <c>approve</c> steps.</summary>
public abstract partial class EmergencyContract
{
    private static StepAttemptEnd End(StepAttemptOutcome outcome, DateTimeOffset at, int? exit = null, string? output = null, string? detail = null) =>
        new(outcome, at, exit, output, output is null ? null : output[Math.Max(0, output.Length - 10)..], detail);

    [Fact]
    public async Task A_step_attempt_is_recorded_at_its_start_and_completed_at_its_end_with_its_exit_code_output_and_tail()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        var started = Now;

        var attempt = await runs.StepStartedAsync(run.Id, 0, "dump", "run", started);

        var running = new RunbookStepAttempt(run.Id, 0, 1, "dump", "run", started, null, null, null, null, null, null);
        Assert.Equal(running, attempt);
        Assert.Equal([running], await runs.StepsAsync(run.Id));
        Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.True(await runs.StepFinishedAsync(run.Id, 0, End(StepAttemptOutcome.Succeeded, Now, 0, "pg_dump: done, 42 tables\nok", "took 3s")));

        Assert.Equal([running with { EndedAt = Now, Outcome = StepAttemptOutcome.Succeeded, ExitCode = 0, Output = "pg_dump: done, 42 tables\nok",
            OutputTail = " tables\nok", Detail = "took 3s" }], await runs.StepsAsync(run.Id));
        Assert.False(await runs.StepFinishedAsync(run.Id, 0, End(StepAttemptOutcome.Failed, Now)));
        Assert.False(await runs.StepFinishedAsync(run.Id, 1, End(StepAttemptOutcome.Failed, Now)));
        Assert.Empty(await runs.StepsAsync("0000000f"));
    }

    [Fact]
    public async Task A_step_started_again_after_a_crash_is_a_new_attempt_and_the_unfinished_one_is_ended_as_interrupted()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        await runs.StepStartedAsync(run.Id, 0, "stop", "run", Now);
        await runs.StepFinishedAsync(run.Id, 0, End(StepAttemptOutcome.Succeeded, Now, 0));
        var crashed = Now;
        await runs.StepStartedAsync(run.Id, 1, "restore", "restore", crashed); // the process dies here (kill -9)
        Clock.Advance(TimeSpan.FromMinutes(5));

        var again = await runs.StepStartedAsync(run.Id, 1, "restore", "restore", Now);
        await runs.StepFinishedAsync(run.Id, 1, End(StepAttemptOutcome.TimedOut, Now, null, null, "timed out after 5m"));
        await runs.StepStartedAsync(run.Id, 2, "notify", "notify", Now);
        await runs.StepFinishedAsync(run.Id, 2, End(StepAttemptOutcome.Skipped, Now));

        Assert.Equal((1, 2), (again.Index, again.Attempt));
        var steps = await runs.StepsAsync(run.Id);
        Assert.Equal([(0, 1), (1, 1), (1, 2), (2, 1)], steps.Select(s => (s.Index, s.Attempt)));
        Assert.Equal(new RunbookStepAttempt(run.Id, 1, 1, "restore", "restore", crashed, Now, StepAttemptOutcome.Interrupted, null, null, null, null), steps[1]);
        Assert.Equal((StepAttemptOutcome.TimedOut, "timed out after 5m"), (steps[2].Outcome, steps[2].Detail));
        Assert.Equal([0], StepAttempts.Succeeded(steps));
        Assert.Equal("timedout", await ScalarAsync($"SELECT outcome FROM runbook_steps WHERE run_id = '{run.Id}' AND step_index = 1 AND attempt = 2"));
    }

    [Fact]
    public async Task Each_run_keeps_its_own_steps()
    {
        var runs = await RunsAsync();
        var a = await runs.StartAsync(Start("0000000a"), "node-a", Now, Lease);
        var b = await runs.StartAsync(Start("0000000b"), "node-a", Now, Lease);

        await runs.StepStartedAsync(a.Id, 0, "stop", "run", Now);
        var first = await runs.StepStartedAsync(b.Id, 0, "stop", "run", Now);

        Assert.Equal(1, first.Attempt);
        Assert.Single(await runs.StepsAsync(a.Id));
        Assert.Single(await runs.StepsAsync(b.Id));
    }

    [Fact]
    public async Task An_output_of_64_KiB_is_kept_whole_and_a_longer_output_or_tail_is_refused()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        await runs.StepStartedAsync(run.Id, 0, "dump", "run", Now);
        var output = string.Concat(Enumerable.Range(0, StepAttemptEnd.MaxOutputChars).Select(i => (char)('a' + (i % 26))));
        var tail = output[^StepAttemptEnd.MaxTailChars..];

        await Assert.ThrowsAsync<ArgumentException>(() =>
            runs.StepFinishedAsync(run.Id, 0, new StepAttemptEnd(StepAttemptOutcome.Succeeded, Now, 0, output + "z", tail, null)));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            runs.StepFinishedAsync(run.Id, 0, new StepAttemptEnd(StepAttemptOutcome.Succeeded, Now, 0, output, "z" + tail, null)));
        Assert.True(await runs.StepFinishedAsync(run.Id, 0, new StepAttemptEnd(StepAttemptOutcome.Succeeded, Now, 0, output, tail, null)));

        var step = Assert.Single(await runs.StepsAsync(run.Id));
        Assert.Equal(output, step.Output);
        Assert.Equal(tail, step.OutputTail);
    }

    [Fact]
    public async Task A_person_approves_a_step_once_and_a_second_approval_must_come_from_someone_else()
    {
        var runs = await RunsAsync();
        var run = await runs.StartAsync(Start(), "node-a", Now, Lease);
        var first = Now;

        Assert.True(await runs.ApproveAsync(run.Id, 2, "alice", first, "backup 3f2a checked"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await runs.ApproveAsync(run.Id, 2, "alice", Now, "again"));
        Assert.True(await runs.ApproveAsync(run.Id, 2, "bob", Now, null));
        Assert.True(await runs.ApproveAsync(run.Id, 5, "alice", Now, null));

        Assert.Equal(
            [new RunbookApproval(run.Id, 2, "alice", first, "backup 3f2a checked"), new RunbookApproval(run.Id, 2, "bob", Now, null)],
            await runs.ApprovalsAsync(run.Id, 2));
        Assert.Equal([new RunbookApproval(run.Id, 5, "alice", Now, null)], await runs.ApprovalsAsync(run.Id, 5));
        Assert.Empty(await runs.ApprovalsAsync(run.Id, 0));
    }
}
