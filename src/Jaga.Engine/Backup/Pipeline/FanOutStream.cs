using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>The pipeline's last stage: hashes and counts the bytes, then hands them in 1 MiB chunks to every destination
/// still writing, all at once. A bounded queue of four chunks lets compression run while uploads wait, and bounds memory
/// whatever the backup's size. When every destination has failed, writing throws, which stops the source early.</summary>
internal sealed class FanOutStream : Stream
{
    private const int ChunkSize = 1024 * 1024;
    private readonly IReadOnlyList<DestinationWriter> writers;
    private readonly Channel<(byte[] Buffer, int Length)> queue = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Action<long>? written;
    private readonly CancellationToken ct;
    private readonly Task pump;
    private byte[] chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int filled;

    public FanOutStream(IReadOnlyList<DestinationWriter> writers, Action<long>? written, CancellationToken ct)
    {
        this.writers = writers;
        this.written = written;
        this.ct = ct;
        pump = Task.Run(PumpAsync, CancellationToken.None);
    }

    public long Length64 { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            var n = Take(buffer);
            buffer = buffer[n..];
            if (filled == ChunkSize) EnqueueAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            var n = Take(buffer.Span);
            buffer = buffer[n..];
            if (filled == ChunkSize) await EnqueueAsync();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    /// <summary>Sends what is left and waits until every destination has it; returns the SHA-256 (lower-case hex).</summary>
    public async Task<string> CompleteAsync()
    {
        if (filled > 0) await EnqueueAsync();
        queue.Writer.TryComplete();
        await pump;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Stops the pump after a failure elsewhere in the pipeline.</summary>
    public async Task AbandonAsync()
    {
        queue.Writer.TryComplete();
        try
        {
            await pump;
        }
        catch (Exception)
        {
            // The caller is already reporting the failure that made it abandon.
        }
    }

    private int Take(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, ChunkSize - filled);
        data[..n].CopyTo(chunk.AsSpan(filled));
        sha.AppendData(data[..n]);
        filled += n;
        Length64 += n;
        return n;
    }

    private async ValueTask EnqueueAsync()
    {
        if (!writers.Any(w => w.Live))
            throw new IOException("no destination is left to write to: " + string.Join("; ", writers.Select(w => $"{w.Destination.Name}: {w.Failure}")));
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

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var (buffer, length) in queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    var data = buffer.AsMemory(0, length);
                    await Task.WhenAll(writers.Where(w => w.Live).Select(w => w.WriteAsync(data, ct)));
                    written?.Invoke(length);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e)
        {
            // Closing the queue with the failure makes the writing side throw instead of waiting for room forever.
            queue.Writer.TryComplete(e);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha.Dispose();
            if (chunk.Length > 0) ArrayPool<byte>.Shared.Return(chunk);
            chunk = [];
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
