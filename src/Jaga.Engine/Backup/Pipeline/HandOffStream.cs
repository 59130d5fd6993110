using System.Buffers;
using System.Threading.Channels;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>Hands what the source writes to another task that compresses, encrypts and hashes it, through a bounded queue
/// of 256 KiB chunks: the source (pg_dump's pipe) keeps flowing while the previous chunks are compressed, so the dump
/// and the compression use two cores instead of taking turns. Memory stays bounded by the queue.</summary>
internal sealed class HandOffStream : Stream
{
    private const int ChunkSize = 256 * 1024;
    private readonly Channel<(byte[] Buffer, int Length)> queue = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly Stream target;
    private readonly Task consumer;
    private readonly CancellationToken ct;
    private byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int filled;

    public HandOffStream(Stream target, CancellationToken ct)
    {
        this.target = target;
        this.ct = ct;
        consumer = Task.Run(ConsumeAsync, CancellationToken.None);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            var n = Math.Min(buffer.Length, ChunkSize - filled);
            buffer.Span[..n].CopyTo(chunk.AsSpan(filled));
            filled += n;
            buffer = buffer[n..];
            if (filled == ChunkSize) await EnqueueAsync();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    /// <summary>Hands over what is left and waits until the other side has written all of it.</summary>
    public async Task CompleteAsync()
    {
        if (filled > 0) await EnqueueAsync();
        queue.Writer.TryComplete();
        await consumer;
    }

    /// <summary>Stops the other side after a failure here.</summary>
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

    private async ValueTask EnqueueAsync()
    {
        try
        {
            await queue.Writer.WriteAsync((chunk, filled), ct);
        }
        catch (ChannelClosedException closed) when (closed.InnerException is not null)
        {
            // The other side failed: its reason is the one to report.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(closed.InnerException);
        }
        chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        filled = 0;
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await foreach (var (buffer, length) in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    await target.WriteAsync(buffer.AsMemory(0, length), ct);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e)
        {
            // Closing the queue with the failure makes the source's next write throw instead of waiting forever.
            queue.Writer.TryComplete(e);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && chunk.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(chunk);
            chunk = [];
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
