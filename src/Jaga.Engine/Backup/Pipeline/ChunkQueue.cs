using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>A bounded queue of pooled chunks between two sides of the pipeline: one side fills chunks and hands them
/// over, the other, a thread of its own, runs <c>consume</c> on each in order. At most <c>capacity</c> + 2 chunks exist
/// at once, whatever the size of the backup. A failure on either side ends both: the other side's next call throws
/// that failure.</summary>
/// <remarks>The consumer is a dedicated thread that blocks while the queue is empty, and the filling side may block
/// (<see cref="HandOver"/>) or await (<see cref="HandOverAsync"/>) while it is full: a chunk changes hands with one
/// wake-up, not a thread-pool task whose workers spin between hand-offs (docs/benchmarks.md, Step 11, round 2).</remarks>
internal sealed class ChunkQueue : IDisposable
{
    private readonly ConcurrentQueue<(byte[] Buffer, int Length)> queue = new();
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim items = new(0);
    private readonly CancellationTokenSource stop;
    private readonly Func<ReadOnlyMemory<byte>, Task> consume;
    private readonly int chunkSize;
    private readonly TaskCompletionSource consumer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool completed;
    private volatile bool abandoned;
    private Exception? failure;
    private byte[] chunk;
    private int filled;

    /// <summary><paramref name="consume"/> runs on the queue's own thread; a synchronous one returns a completed task.</summary>
    public ChunkQueue(int chunkSize, int capacity, string name, Func<ReadOnlyMemory<byte>, Task> consume, CancellationToken ct)
    {
        this.chunkSize = chunkSize;
        this.consume = consume;
        slots = new SemaphoreSlim(capacity);
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        new Thread(Consume) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>True when the current chunk is full and must be handed over before more is appended.</summary>
    public bool Full => filled == chunkSize;

    /// <summary>Copies as much of <paramref name="data"/> as the current chunk takes; returns how much.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, chunkSize - filled);
        data[..n].CopyTo(chunk.AsSpan(filled));
        filled += n;
        return n;
    }

    /// <summary>Hands the current chunk over, blocking while the queue is full.</summary>
    public void HandOver()
    {
        try
        {
            slots.Wait(stop.Token);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            ThrowFailure();
        }
        Enqueue();
    }

    /// <summary>Hands the current chunk over, waiting for room in the queue.</summary>
    public async ValueTask HandOverAsync()
    {
        try
        {
            await slots.WaitAsync(stop.Token);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            ThrowFailure();
        }
        Enqueue();
    }

    private void Enqueue()
    {
        // The other side failed: its reason is the one to report.
        if (failure is not null) ThrowFailure();
        queue.Enqueue((chunk, filled));
        items.Release();
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        filled = 0;
    }

    private void ThrowFailure() => ExceptionDispatchInfo.Throw(failure!);

    /// <summary>Hands over what is left and waits until the other side has consumed everything.</summary>
    public async Task CompleteAsync()
    {
        if (filled > 0) await HandOverAsync();
        completed = true;
        items.Release();
        await consumer.Task;
    }

    /// <summary>Stops the other side after a failure on this one.</summary>
    public async Task AbandonAsync()
    {
        abandoned = completed = true;
        items.Release();
        try
        {
            await consumer.Task;
        }
        catch (Exception)
        {
            // The caller reports the failure that made it abandon.
        }
    }

    private void Consume()
    {
        try
        {
            while (true)
            {
                items.Wait();
                if (abandoned) break;
                if (!queue.TryDequeue(out var next))
                {
                    if (completed) break;
                    continue;
                }
                try
                {
                    consume(next.Buffer.AsMemory(0, next.Length)).GetAwaiter().GetResult();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(next.Buffer);
                }
                slots.Release();
            }
            Drain();
            consumer.SetResult();
        }
        catch (Exception e)
        {
            // Recording the failure and cancelling the wait makes the filling side throw instead of waiting for room forever.
            failure = e;
            stop.Cancel();
            Drain();
            consumer.SetException(e);
        }
    }

    private void Drain()
    {
        while (queue.TryDequeue(out var left)) ArrayPool<byte>.Shared.Return(left.Buffer);
    }

    public void Dispose()
    {
        if (chunk.Length == 0) return;
        ArrayPool<byte>.Shared.Return(chunk);
        chunk = [];
        stop.Dispose();
    }
}
