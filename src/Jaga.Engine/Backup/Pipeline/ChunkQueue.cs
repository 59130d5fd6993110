using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>A bounded queue of pooled chunks between two tasks of the pipeline: one side fills chunks and hands them
/// over, the other runs <c>consume</c> on each in order. At most <c>capacity</c> + 2 chunks exist at once, whatever the
/// size of the backup. A failure on either side ends both: the other side's next call throws that failure.</summary>
internal sealed class ChunkQueue : IDisposable
{
    private readonly Channel<(byte[] Buffer, int Length)> queue;
    private readonly Func<ReadOnlyMemory<byte>, Task> consume;
    private readonly int chunkSize;
    private readonly CancellationToken ct;
    private readonly Task consumer;
    private byte[] chunk;
    private int filled;

    public ChunkQueue(int chunkSize, int capacity, Func<ReadOnlyMemory<byte>, Task> consume, CancellationToken ct)
    {
        this.chunkSize = chunkSize;
        this.consume = consume;
        this.ct = ct;
        queue = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        consumer = Task.Run(ConsumeAsync, CancellationToken.None);
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

    /// <summary>Hands the current chunk over, waiting for room in the queue.</summary>
    public async ValueTask HandOverAsync()
    {
        try
        {
            await queue.Writer.WriteAsync((chunk, filled), ct);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is not null)
        {
            // The other side failed: its reason is the one to report.
            ExceptionDispatchInfo.Throw(closed.InnerException);
        }
        chunk = ArrayPool<byte>.Shared.Rent(chunkSize);
        filled = 0;
    }

    /// <summary>Hands over what is left and waits until the other side has consumed everything.</summary>
    public async Task CompleteAsync()
    {
        if (filled > 0) await HandOverAsync();
        queue.Writer.TryComplete();
        await consumer;
    }

    /// <summary>Stops the other side after a failure on this one.</summary>
    public async Task AbandonAsync()
    {
        queue.Writer.TryComplete();
        try
        {
            await consumer;
        }
        catch (Exception)
        {
            // The caller reports the failure that made it abandon.
        }
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var (buffer, length) in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    await consume(buffer.AsMemory(0, length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e)
        {
            // Closing the queue with the failure makes the filling side throw instead of waiting for room forever.
            queue.Writer.TryComplete(e);
            while (queue.Reader.TryRead(out var left)) ArrayPool<byte>.Shared.Return(left.Buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (chunk.Length == 0) return;
        ArrayPool<byte>.Shared.Return(chunk);
        chunk = [];
    }
}
