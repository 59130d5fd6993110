using Jaga.Engine.Backup.Pipeline;

namespace Jaga.Backup.Tests;

public sealed class ChunkQueueTests
{
    [Fact]
    public async Task Chunks_handed_over_with_blocking_calls_arrive_whole_and_in_order_on_the_queue_thread()
    {
        var received = new List<byte>();
        var threads = new HashSet<int>();
        using var queue = new ChunkQueue(16, 2, "test", data =>
        {
            received.AddRange(data.ToArray());
            threads.Add(Environment.CurrentManagedThreadId);
            return Task.CompletedTask;
        }, CancellationToken.None);
        var sent = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();

        var producer = Environment.CurrentManagedThreadId;
        ReadOnlySpan<byte> left = sent;
        while (left.Length > 0)
        {
            left = left[queue.Append(left[..Math.Min(left.Length, 7)])..];
            if (queue.Full) queue.HandOver();
        }
        await queue.CompleteAsync();

        Assert.Equal(sent, received);
        Assert.DoesNotContain(producer, threads);
    }

    [Fact]
    public async Task A_failing_consumer_stops_a_producer_blocked_on_a_full_queue_with_its_own_failure()
    {
        var failed = new TaskCompletionSource();
        using var queue = new ChunkQueue(4, 1, "test", async _ =>
        {
            await Task.Yield();
            failed.TrySetResult();
            throw new IOException("disk on fire");
        }, CancellationToken.None);

        // The first chunk fails in the consumer; the producer keeps filling until a hand-over blocks or sees the failure.
        var producing = Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                queue.Append(new byte[4]);
                queue.HandOver();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var thrown = await Assert.ThrowsAsync<IOException>(() => producing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("disk on fire", thrown.Message);
        Assert.True(failed.Task.IsCompleted);
        await queue.AbandonAsync();
    }
}
