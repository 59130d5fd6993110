using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's job ledger (<see cref="IJobRuns"/>, <see cref="INodeRegistry"/>, <see cref="IHeartbeatPings"/>) promises, written once and run against each adapter: claims that give
/// each occurrence of a job to exactly one node and never run a job twice at once, leases, lost runs and their retries.</summary>
/// <remarks>Nodes, pings, history and the concurrency tests are in the other parts of this class.</remarks>
public abstract partial class JobLedgerContract : StoreContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>An occurrence on the hour, as a schedule computes them: whole milliseconds (whole seconds, even).</summary>
    private static readonly DateTimeOffset T0 = new(2025, 11, 15, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Runs a query on the store's database directly and returns the first column of its first row.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    private DateTimeOffset Now => Clock.GetUtcNow();

    private async Task<IJobRuns> LedgerAsync() => (await OpenAsync()).Runs;

    private async Task<JobRun> ClaimAsync(IJobRuns ledger, string job = "db", int occurrence = 0, string node = "node-a")
    {
        var (result, run) = await ledger.TryClaimAsync(job, T0.AddHours(occurrence), node, Now, Lease);
        Assert.Equal(ClaimResult.Claimed, result);
        return run!;
    }

    [Fact]
    public async Task A_free_occurrence_is_claimed_as_running_attempt_1_leased_from_now_and_read_back_equal()
    {
        var ledger = await LedgerAsync();
        Clock.Advance(TimeSpan.FromTicks(12_345_678)); // sub-millisecond ticks, which the store drops
        var ms = new DateTimeOffset(Now.UtcTicks - (Now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

        var (result, run) = await ledger.TryClaimAsync("db", T0, "node-a", Now, Lease);

        Assert.Equal(ClaimResult.Claimed, result);
        Assert.Equal(new JobRun(run!.Id, "db", T0, 1, "node-a", ms, ms + Lease, null, RunOutcome.Running, null), run);
        Assert.Equal([run], await ledger.HistoryAsync("db", 10));
        Assert.Equal("running", await ScalarAsync($"SELECT outcome FROM job_runs WHERE id = {run.Id}"));
    }

    [Fact]
    public async Task An_occurrence_with_any_record_is_taken_for_every_node_whether_running_or_finished()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger);

        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0, "node-b", Now, Lease));
        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0, "node-a", Now, Lease));
        await ledger.FinishAsync(run, RunOutcome.Failed, Now, "exit 1");
        Clock.Advance(Lease * 2);
        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0, "node-b", Now, Lease));
        Assert.Single(await ledger.HistoryAsync(null, 10));
    }

    [Fact]
    public async Task Another_occurrence_of_a_job_running_with_a_live_lease_is_busy_while_other_jobs_are_free()
    {
        var ledger = await LedgerAsync();
        await ClaimAsync(ledger, "db", 0);
        Clock.Advance(Lease); // the lease ends now: still live, not yet expired

        Assert.Equal((ClaimResult.Busy, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-b", Now, Lease));
        Assert.Equal((ClaimResult.Busy, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-a", Now, Lease));
        Assert.Empty(await ledger.ExpiredAsync(Now));
        await ClaimAsync(ledger, "files", 1, "node-b");
        Assert.Equal(2, (await ledger.HistoryAsync(null, 10)).Count);
    }

    [Fact]
    public async Task Busy_ends_once_the_running_runs_lease_has_expired_and_the_old_run_stays_running_until_declared()
    {
        var ledger = await LedgerAsync();
        var old = await ClaimAsync(ledger, "db", 0);
        Clock.Advance(Lease + TimeSpan.FromMilliseconds(1));

        var next = await ClaimAsync(ledger, "db", 1, "node-b");

        Assert.Equal(T0.AddHours(1), next.Occurrence);
        Assert.Equal([old], await ledger.ExpiredAsync(Now));
    }

    [Fact]
    public async Task Busy_ends_when_the_running_run_finishes()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger, "db", 0);

        Assert.True(await ledger.FinishAsync(run, RunOutcome.Succeeded, Now.AddMinutes(1), null));

        await ClaimAsync(ledger, "db", 1, "node-b");
    }

    [Fact]
    public async Task Renewing_extends_the_lease_only_for_the_holding_node_of_a_running_run()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger);
        Clock.Advance(Lease + TimeSpan.FromMinutes(1)); // expired, but nobody declared it lost: still the holder's

        Assert.False(await ledger.RenewAsync(run with { Node = "node-b" }, Now, Lease));
        Assert.Equal([run], await ledger.HistoryAsync("db", 10));
        Assert.True(await ledger.RenewAsync(run, Now, Lease));
        Assert.Equal([run with { LeaseUntil = Now + Lease }], await ledger.HistoryAsync("db", 10));
        Assert.Empty(await ledger.ExpiredAsync(Now));

        Assert.True(await ledger.FinishAsync(run, RunOutcome.Succeeded, Now, null));
        Assert.False(await ledger.RenewAsync(run, Now, Lease));
    }

    [Fact]
    public async Task Finishing_records_outcome_time_and_detail_once_and_only_for_the_holding_node()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger);
        var at = Now.AddMinutes(3);

        Assert.False(await ledger.FinishAsync(run with { Node = "node-b" }, RunOutcome.Failed, at, "not mine"));
        Assert.False(await ledger.FinishAsync(run with { Id = run.Id + 1000 }, RunOutcome.Failed, at, "no such run"));
        Assert.True(await ledger.FinishAsync(run, RunOutcome.TimedOut, at, "exceeded 2m"));
        Assert.False(await ledger.FinishAsync(run, RunOutcome.Succeeded, at.AddMinutes(1), "again"));

        var finished = run with { FinishedAt = at, Outcome = RunOutcome.TimedOut, Detail = "exceeded 2m" };
        Assert.Equal([finished], await ledger.HistoryAsync("db", 10));
    }

    [Fact]
    public async Task Finishing_after_being_declared_lost_returns_false_and_changes_nothing()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger);
        Clock.Advance(Lease + TimeSpan.FromMinutes(1));
        Assert.Equal((true, null), await ledger.DeclareLostAsync(run, "node-b", Now, Lease, retry: false, "node-a went silent"));
        var lost = Assert.Single(await ledger.HistoryAsync("db", 10));

        Assert.False(await ledger.FinishAsync(run, RunOutcome.Succeeded, Now.AddMinutes(1), "done after all"));
        Assert.False(await ledger.RenewAsync(run, Now, Lease));

        Assert.Equal([lost], await ledger.HistoryAsync("db", 10));
        Assert.Equal(run with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "node-a went silent" }, lost);
    }

    [Fact]
    public async Task Expired_lists_only_running_runs_whose_lease_ended_before_now()
    {
        var ledger = await LedgerAsync();
        var early = await ClaimAsync(ledger, "db", 0);
        var finished = await ClaimAsync(ledger, "files", 0);
        await ledger.FinishAsync(finished, RunOutcome.Succeeded, Now, null);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await ClaimAsync(ledger, "logs", 0);

        Assert.Empty(await ledger.ExpiredAsync(early.LeaseUntil));
        Assert.Equal([early], await ledger.ExpiredAsync(early.LeaseUntil.AddMilliseconds(1)));
        Assert.Equal([early, late], await ledger.ExpiredAsync(late.LeaseUntil.AddMilliseconds(1)));
    }

    [Fact]
    public async Task Declaring_an_expired_run_lost_with_retry_claims_attempt_2_of_the_same_occurrence_for_the_declaring_node()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger, "db", 0, "node-a");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var (declared, retry) = await ledger.DeclareLostAsync(run, "node-b", Now, Lease, retry: true, "lease expired");

        Assert.True(declared);
        Assert.Equal(new JobRun(retry!.Id, "db", T0, 2, "node-b", Now, Now + Lease, null, RunOutcome.Running, null), retry);
        Assert.Equal([retry, run with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "lease expired" }],
            await ledger.HistoryAsync("db", 10));
        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0, "node-c", Now, Lease));
        Assert.Equal((ClaimResult.Busy, null), await ledger.TryClaimAsync("db", T0.AddHours(1), "node-c", Now, Lease));
        Assert.True(await ledger.FinishAsync(retry, RunOutcome.Succeeded, Now, null));
    }

    [Fact]
    public async Task Declaring_lost_without_retry_leaves_the_occurrence_taken_and_frees_the_job()
    {
        var ledger = await LedgerAsync();
        var run = await ClaimAsync(ledger, "db", 0);
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal((true, null), await ledger.DeclareLostAsync(run, "node-b", Now, Lease, retry: false, "gave up"));

        Assert.Empty(await ledger.ExpiredAsync(Now));
        Assert.Equal((ClaimResult.Taken, null), await ledger.TryClaimAsync("db", T0, "node-b", Now, Lease));
        await ClaimAsync(ledger, "db", 1, "node-b");
    }

    [Fact]
    public async Task A_run_with_a_live_lease_renewed_or_finished_is_not_declared_lost()
    {
        var ledger = await LedgerAsync();
        var live = await ClaimAsync(ledger, "db", 0);
        var finished = await ClaimAsync(ledger, "files", 0);
        var renewed = await ClaimAsync(ledger, "logs", 0);

        Assert.Equal((false, null), await ledger.DeclareLostAsync(live, "node-b", Now, Lease, retry: true, "too soon"));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await ledger.FinishAsync(finished, RunOutcome.Succeeded, Now, null);
        await ledger.RenewAsync(renewed, Now, Lease);

        Assert.Equal((false, null), await ledger.DeclareLostAsync(finished, "node-b", Now, Lease, retry: true, "finished"));
        Assert.Equal((false, null), await ledger.DeclareLostAsync(renewed, "node-b", Now, Lease, retry: true, "renewed"));
        Assert.Equal((false, null), await ledger.DeclareLostAsync(renewed with { Id = renewed.Id + 1000 }, "node-b", Now, Lease, true, "no such run"));
        Assert.Equal(3, (await ledger.HistoryAsync(null, 10)).Count);
        Assert.DoesNotContain(await ledger.HistoryAsync(null, 10), r => r.Outcome == RunOutcome.Lost);
    }

    [Fact]
    public async Task A_retry_is_not_started_beside_another_occurrence_of_the_job_that_is_running()
    {
        var ledger = await LedgerAsync();
        var first = await ClaimAsync(ledger, "db", 0, "node-a");
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var second = await ClaimAsync(ledger, "db", 1, "node-b"); // allowed: the first's lease expired

        var (declared, retry) = await ledger.DeclareLostAsync(first, "node-c", Now, Lease, retry: true, "lease expired");

        Assert.True(declared);
        Assert.Null(retry);
        Assert.Equal([second, first with { Outcome = RunOutcome.Lost, FinishedAt = Now, Detail = "lease expired" }],
            await ledger.HistoryAsync("db", 10));
    }
}
