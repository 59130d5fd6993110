using Jaga.Engine.Backup;
using Jaga.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Backup.Tests;

public sealed class JobLockTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-lock-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 11, 15, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_second_run_of_the_job_is_refused_while_the_first_holds_the_lock()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        await using var first = await JobLock.AcquireAsync(store.Backups, "db", clock, CancellationToken.None);
        await using var second = await JobLock.AcquireAsync(store.Backups, "db", clock, CancellationToken.None);

        Assert.NotNull(first.Lease);
        Assert.Null(second.Lease);
        Assert.Equal(first.Lease.Owner, second.Holder!.Owner);
    }

    [Fact]
    public async Task A_run_whose_lease_was_taken_over_is_told_to_stop()
    {
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, "state.db"), clock);
        await using var held = await JobLock.AcquireAsync(store.Backups, "db", clock, CancellationToken.None);
        Assert.False(held.Lost.IsCancellationRequested);

        // The holder's renewals did not reach the store for longer than the lease: another node took the job over.
        Assert.NotNull(await store.Backups.TryLockAsync("db", "elsewhere:1:abc", JobLock.Ttl, held.Lease!.Owner));
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
