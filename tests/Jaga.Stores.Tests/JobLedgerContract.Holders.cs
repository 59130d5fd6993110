using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>A job's holder, as a run by hand (<c>jaga backup run</c>) uses the job runs: the running run of a job, a holder
/// proved dead declared lost at once, and two processes racing for the same jobs.</summary>
public abstract partial class JobLedgerContract
{
    [Fact]
    public async Task The_running_run_of_a_job_is_its_holder_whether_its_lease_is_live_or_expired_and_none_once_it_ended()
    {
        var ledger = await LedgerAsync();
        Assert.Null(await ledger.RunningAsync("db"));
        var run = await ClaimAsync(ledger);

        Assert.Equal(run, await ledger.RunningAsync("db"));
        Assert.Null(await ledger.RunningAsync("files"));
        Clock.Advance(Lease * 2);
        Assert.Equal(run, await ledger.RunningAsync("db"));

        var (result, next) = await ledger.TryClaimAsync("db", T0.AddHours(1), "node-b", Now, Lease);
        Assert.Equal(ClaimResult.Claimed, result);
        Assert.Equal(next, await ledger.RunningAsync("db"));
        await ledger.FinishAsync(next!, RunOutcome.Succeeded, Now, null);
        await ledger.FinishAsync(run, RunOutcome.Succeeded, Now, null);
        Assert.Null(await ledger.RunningAsync("db"));
    }

    [Fact]
    public async Task A_held_job_is_refused_to_another_node_and_to_its_own_node_asking_again_until_its_lease_ends()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger);
        Clock.Advance(Lease - TimeSpan.FromMilliseconds(1));

        Assert.Equal((ClaimResult.Busy, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-b", Now, Lease));
        Assert.Equal((ClaimResult.Busy, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-a", Now, Lease));
        Assert.Equal(run, await ledger.RunningAsync("db"));
    }

    [Fact]
    public async Task A_holder_proved_dead_is_declared_lost_at_once_whatever_its_lease_and_the_job_is_free()
    {
        var ledger = await LedgerAsync();
        var dead = await ClaimAsync(ledger, node: "host-a:100:dead");

        Assert.False(await ledger.DeclareDeadAsync(dead with { Node = "host-a:200:other" }, Now, "gone"));
        Assert.True(await ledger.DeclareDeadAsync(dead, Now, "its process is gone"));
        Assert.False(await ledger.DeclareDeadAsync(dead, Now, "again"));

        var lost = Assert.Single(await ledger.HistoryAsync("db", 10));
        Assert.Equal(dead with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "its process is gone" }, lost);
        Assert.False(await ledger.RenewAsync(dead, Now, Lease));
        Assert.Null(await ledger.RunningAsync("db"));
        Assert.Equal(ClaimResult.Claimed, (await ledger.TryClaimAsync("db", T0.AddHours(1), "host-a:200:new", Now, Lease)).Result);
    }

    [Fact]
    public async Task Two_processes_racing_for_the_same_jobs_get_each_one_exactly_once_between_them()
    {
        const int jobs = 40;
        await OpenAsync();
        using var a = WriterProcess.StartLocking(Location, jobs, "process-a");
        using var b = WriterProcess.StartLocking(Location, jobs, "process-b");
        await Task.WhenAll(a.WaitUntilReadyAsync(), b.WaitUntilReadyAsync());

        await Task.WhenAll(a.GoAsync(), b.GoAsync());
        var done = await Task.WhenAll(a.FinishAsync(), b.FinishAsync());

        var won = done.Select(output => output.Split(' ')).ToList();
        Assert.All(won, words => Assert.Equal("won", words[0]));
        var jobsWon = won.SelectMany(words => words.Skip(1)).ToList();
        Assert.Equal(Enumerable.Range(1, jobs).Select(j => $"job-{j}").Order(), jobsWon.Order());
        var ledger = await LedgerAsync();
        foreach (var job in won[0].Skip(1)) Assert.Equal("process-a", (await ledger.RunningAsync(job))?.Node);
        foreach (var job in won[1].Skip(1)) Assert.Equal("process-b", (await ledger.RunningAsync(job))?.Node);
    }
}
