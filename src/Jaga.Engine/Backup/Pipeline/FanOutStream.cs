using System.Security.Cryptography;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>The pipeline's last stage: hashes and counts the bytes, then hands them in 1 MiB chunks to every destination
/// still writing, all at once, from a thread of its own. A bounded queue of four chunks lets compression run while uploads wait, and bounds memory
/// whatever the backup's size. When every destination has failed, writing throws, which stops the source early.</summary>
internal sealed class FanOutStream : Stream
{
    private readonly IReadOnlyList<DestinationWriter> writers;
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ChunkQueue queue;

    public FanOutStream(IReadOnlyList<DestinationWriter> writers, Action<long>? written, CancellationToken ct)
    {
        this.writers = writers;
        queue = new ChunkQueue(1024 * 1024, 4, "jaga backup store", async data =>
        {
            await Task.WhenAll(writers.Where(w => w.Live).Select(w => w.WriteAsync(data, ct)));
            written?.Invoke(data.Length);
        }, ct);
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
            if (queue.Full)
            {
                CheckLive();
                queue.HandOver();
            }
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0)
        {
            var n = Take(buffer.Span);
            buffer = buffer[n..];
            if (queue.Full) await HandOverAsync();
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
        await queue.CompleteAsync();
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Stops the pump after a failure elsewhere in the pipeline.</summary>
    public Task AbandonAsync() => queue.AbandonAsync();

    private int Take(ReadOnlySpan<byte> data)
    {
        var n = queue.Append(data);
        sha.AppendData(data[..n]);
        Length64 += n;
        return n;
    }

    private ValueTask HandOverAsync()
    {
        CheckLive();
        return queue.HandOverAsync();
    }

    private void CheckLive()
    {
        if (!writers.Any(w => w.Live))
            throw new IOException("no destination is left to write to: " + string.Join("; ", writers.Select(w => $"{w.Destination.Name}: {w.Failure}")));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha.Dispose();
            queue.Dispose();
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
