using System.Security.Cryptography;

namespace Jaga.Engine.Backup.Pipeline;

/// <summary>Reads through, hashing and counting every byte, so a stored artifact is checked in the same pass that decrypts and decompresses it.</summary>
internal sealed class HashingReadStream(Stream inner, Action<long>? counted = null) : Stream
{
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Saw(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Saw(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads whatever the consumer left unread, then returns the SHA-256 (lower-case hex) of everything.</summary>
    public async Task<string> FinishAsync(CancellationToken ct)
    {
        var rest = new byte[81920];
        while (await ReadAsync(rest, ct) > 0)
        {
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private void Saw(ReadOnlySpan<byte> data)
    {
        sha.AppendData(data);
        Count += data.Length;
        counted?.Invoke(data.Length);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
