using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Backup.Tests;

/// <summary>A run by hand holds its job through the scheduler's job runs: the same claims, leases and lost runs.</summary>
public sealed class JobLockTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-lock-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_run_of_the_job_is_refused_while_the_first_holds_the_lock()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        await using var first = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None);
        await using var second = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None);

        Assert.NotNull(first.Run);
        Assert.Null(second.Run);
        Assert.Equal(first.Run.Node, second.Holder!.Node);
    }

    [Fact]
    public async Task A_run_by_hand_is_refused_while_the_scheduler_runs_the_job_and_recorded_in_its_runs_when_done()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        var (_, scheduled) = await store.Runs.TryClaimAsync("backup:db", clock.GetUtcNow(), "node-a", clock.GetUtcNow(), TimeSpan.FromMinutes(1));

        await using (var refused = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None))
            Assert.Equal("node-a", refused.Holder?.Node);
        await store.Runs.FinishAsync(scheduled!, RunOutcome.Succeeded, clock.GetUtcNow(), null);
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var held = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None))
        {
            Assert.NotNull(held.Run);
            held.End(RunOutcome.Succeeded, "3 MB");
        }

        var last = (await store.Runs.HistoryAsync("backup:db", 1))[0];
        Assert.Equal((RunOutcome.Succeeded, "3 MB", clock.GetUtcNow()), (last.Outcome, last.Detail, last.Occurrence));
    }

    [Fact]
    public async Task A_holder_that_ran_here_and_is_gone_is_taken_over_at_once()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        var host = JobLock.NewOwner().Split(':')[0];
        var dead = $"{host}:{int.MaxValue - 1}:abc";
        var (_, old) = await store.Runs.TryClaimAsync("backup:db", clock.GetUtcNow(), dead, clock.GetUtcNow(), JobLock.Ttl);
        clock.Advance(TimeSpan.FromSeconds(1));

        await using var held = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None);

        Assert.NotNull(held.Run);
        Assert.Equal(RunOutcome.Lost, (await store.Runs.HistoryAsync("backup:db", 10)).Single(r => r.Id == old!.Id).Outcome);
    }

    [Fact]
    public async Task A_run_whose_lease_was_taken_over_is_told_to_stop()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        await using var held = await JobLock.AcquireAsync(store.Runs, "backup:db", clock, CancellationToken.None);
        Assert.False(held.Lost.IsCancellationRequested);

        // Another process took the job over (it proved this holder dead, or a scheduler declared it lost).
        Assert.True(await store.Runs.DeclareDeadAsync(held.Run!, clock.GetUtcNow(), "taken over"));
        clock.Advance(JobLock.Ttl / 4);
        await WaitAsync(() => held.Lost.IsCancellationRequested);

        Assert.True(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public void A_holder_that_ran_here_and_is_gone_is_known_dead_and_a_live_one_is_not()
    {
        var owner = JobLock.NewOwner();
        Assert.False(JobLock.IsDeadHereOwner(owner));
        var parts = owner.Split(':');
        Assert.True(JobLock.IsDeadHereOwner($"{parts[0]}:{int.MaxValue - 1}:abc"));
        Assert.False(JobLock.IsDeadHereOwner($"another-host/12345678:{int.MaxValue - 1}:abc"));
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
