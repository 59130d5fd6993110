namespace Jaga.Engine.Backup.Pipeline;

/// <summary>Hands what the source writes to another thread that compresses, encrypts and hashes it, through a bounded queue
/// of 256 KiB chunks: the source (pg_dump's pipe) keeps flowing while the previous chunks are compressed, so the dump
/// and the compression use two cores instead of taking turns. Memory stays bounded by the queue. The other thread
/// writes into the compression synchronously, one chunk after the other, as <c>zstd</c> does with its input.</summary>
internal sealed class HandOffStream : Stream
{
    private readonly ChunkQueue queue;

    public HandOffStream(Stream target, CancellationToken ct) =>
        queue = new ChunkQueue(256 * 1024, 8, "jaga backup compress", data =>
        {
            target.Write(data.Span);
            return Task.CompletedTask;
        }, ct);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Blocks while the queue is full: the source's reading thread (pg_dump's pipe) waits here.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            buffer = buffer[queue.Append(buffer)..];
            if (queue.Full) queue.HandOver();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            buffer = buffer[queue.Append(buffer.Span)..];
            if (queue.Full) await queue.HandOverAsync();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    /// <summary>Hands over what is left and waits until the other side has written all of it.</summary>
    public Task CompleteAsync() => queue.CompleteAsync();

    /// <summary>Stops the other side after a failure here.</summary>
    public Task AbandonAsync() => queue.AbandonAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing) queue.Dispose();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
