using System.Security.Cryptography;

namespace Jaga.Core.Crypto;

/// <summary>A write-only stream that encrypts what is written to it into an age payload, 64 KiB at a time
/// (memory stays bounded whatever the size). Disposing it writes the final chunk; the inner stream stays open unless
/// it is owned (the armor written around the file, which disposing finishes).</summary>
internal sealed class AgeEncryptStream : Stream
{
    private readonly Stream output;
    private readonly bool ownsOutput;
    private readonly ChaCha20Poly1305 aead;
    private readonly byte[] plain = new byte[AgeFormat.ChunkSize];
    private readonly byte[] sealedChunk = new byte[AgeFormat.ChunkSize + AgeFormat.TagSize];
    private readonly byte[] nonce = new byte[12];
    private int filled;
    private ulong counter;
    private bool finished;

    public AgeEncryptStream(Stream output, byte[] fileKey, bool ownsOutput = false)
    {
        this.output = output;
        this.ownsOutput = ownsOutput;
        var streamNonce = RandomNumberGenerator.GetBytes(16);
        output.Write(streamNonce);
        aead = new ChaCha20Poly1305(AgeFormat.Hkdf(fileKey, streamNonce, "payload"));
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !finished;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        while (buffer.Length > 0)
        {
            // A full chunk is sealed only when more data follows: the last chunk must carry the "last" flag.
            if (filled == plain.Length) Seal(last: false);
            var n = Math.Min(buffer.Length, plain.Length - filled);
            buffer[..n].CopyTo(plain.AsSpan(filled));
            filled += n;
            buffer = buffer[n..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>As <see cref="Write(ReadOnlySpan{byte})"/>, but the sealed chunks are written asynchronously: a slow
    /// output (a network upload) then holds no thread while it waits.</summary>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        while (buffer.Length > 0)
        {
            if (filled == plain.Length)
            {
                var n0 = SealInPlace(last: false);
                await output.WriteAsync(sealedChunk.AsMemory(0, n0), cancellationToken);
            }
            var n = Math.Min(buffer.Length, plain.Length - filled);
            buffer.Span[..n].CopyTo(plain.AsSpan(filled));
            filled += n;
            buffer = buffer[n..];
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            var n = SealInPlace(last: true);
            finished = true;
            await output.WriteAsync(sealedChunk.AsMemory(0, n));
            if (ownsOutput) await output.DisposeAsync();
            else await output.FlushAsync();
            aead.Dispose();
        }
        await base.DisposeAsync();
    }

    public override void Flush() => output.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !finished)
        {
            Seal(last: true);
            finished = true;
            if (ownsOutput) output.Dispose();
            else output.Flush();
            aead.Dispose();
        }
        base.Dispose(disposing);
    }

    private void Seal(bool last)
    {
        var n = SealInPlace(last);
        output.Write(sealedChunk, 0, n);
    }

    /// <summary>Encrypts the buffered chunk into <see cref="sealedChunk"/>; returns its length.</summary>
    private int SealInPlace(bool last)
    {
        AgeFormat.Nonce(nonce, counter++, last);
        aead.Encrypt(nonce, plain.AsSpan(0, filled), sealedChunk.AsSpan(0, filled), sealedChunk.AsSpan(filled, AgeFormat.TagSize));
        var n = filled + AgeFormat.TagSize;
        filled = 0;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
