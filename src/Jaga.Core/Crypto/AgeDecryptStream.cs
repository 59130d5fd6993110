using System.Security.Cryptography;

namespace Jaga.Core.Crypto;

/// <summary>A read-only stream that decrypts an age payload chunk by chunk, authenticating each one;
/// a truncated, reordered or altered payload fails with <see cref="AgeException"/>.</summary>
internal sealed class AgeDecryptStream : Stream
{
    private const int SealedSize = AgeFormat.ChunkSize + AgeFormat.TagSize;

    private readonly Stream input;
    private readonly ChaCha20Poly1305 aead;
    private readonly byte[] sealedChunk = new byte[SealedSize + 1];
    private readonly byte[] plain = new byte[AgeFormat.ChunkSize];
    private readonly byte[] nonce = new byte[12];
    private int carried;
    private int plainLength;
    private int plainPosition;
    private ulong counter;
    private bool done;

    public AgeDecryptStream(Stream input, byte[] fileKey)
    {
        this.input = input;
        var streamNonce = new byte[16];
        if (ReadFully(input, streamNonce, 0, 16) < 16) throw new AgeException("the payload is cut short (no nonce)");
        aead = new ChaCha20Poly1305(AgeFormat.Hkdf(fileKey, streamNonce, "payload"));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (plainPosition == plainLength)
        {
            if (done) return 0;
            NextChunk();
            if (plainLength == 0) return 0;
        }
        var n = Math.Min(buffer.Length, plainLength - plainPosition);
        plain.AsSpan(plainPosition, n).CopyTo(buffer);
        plainPosition += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    private void NextChunk()
    {
        // Read one sealed chunk plus one byte: that byte tells whether this chunk is the last.
        var got = carried + ReadFully(input, sealedChunk, carried, SealedSize + 1 - carried);
        var last = got <= SealedSize;
        var length = last ? got : SealedSize;
        if (length < AgeFormat.TagSize) throw new AgeException("the payload is cut short");
        if (length == AgeFormat.TagSize && (!last || counter > 0)) throw new AgeException("an empty chunk is only allowed for an empty file");
        AgeFormat.Nonce(nonce, counter++, last);
        plainLength = length - AgeFormat.TagSize;
        try
        {
            aead.Decrypt(nonce, sealedChunk.AsSpan(0, plainLength), sealedChunk.AsSpan(plainLength, AgeFormat.TagSize), plain.AsSpan(0, plainLength));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new AgeException(last
                ? "the payload is corrupt or cut short (the last chunk does not authenticate)"
                : $"the payload is corrupt (chunk {counter} does not authenticate)");
        }
        plainPosition = 0;
        if (last)
        {
            done = true;
            carried = 0;
        }
        else
        {
            sealedChunk[0] = sealedChunk[SealedSize];
            carried = 1;
        }
    }

    private static int ReadFully(Stream s, byte[] buffer, int offset, int count)
    {
        var total = 0;
        while (total < count)
        {
            var n = s.Read(buffer, offset + total, count - total);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) aead.Dispose();
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
