using System.Security.Cryptography;

namespace Jaga.Core.Crypto;

/// <summary>A read-only stream that decrypts an age payload chunk by chunk, authenticating each one;
/// a truncated, reordered or altered payload fails with <see cref="AgeException"/>. As the reference, a full-size chunk is
/// released once it authenticates, before the next is read; after a failure every later read fails the same way.</summary>
internal sealed class AgeDecryptStream : Stream
{
    private const int SealedSize = AgeFormat.ChunkSize + AgeFormat.TagSize;

    private readonly Stream input;
    private readonly ChaCha20Poly1305 aead;
    private readonly byte[] sealedChunk = new byte[SealedSize];
    private readonly byte[] plain = new byte[AgeFormat.ChunkSize];
    private readonly byte[] nonce = new byte[12];
    private int plainLength;
    private int plainPosition;
    private ulong counter;
    private bool ended;

    // Set once, never cleared: a stream that failed must not go on as if it had not (no unverified bytes, no clean end).
    private Exception? failure;

    // A failure found after the last chunk (data after it): raised once that chunk's plaintext is read.
    private AgeException? pending;

    public AgeDecryptStream(Stream input, byte[] fileKey)
    {
        this.input = input;
        var streamNonce = new byte[16];
        if (ReadFully(input, streamNonce, 0, 16) < 16) throw new AgeException(AgeFailure.Header, "the payload is cut short (no nonce)");
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
            if (failure is not null) throw Again(failure);
            if (pending is not null)
            {
                failure = pending;
                throw pending;
            }
            if (ended || buffer.Length == 0) return 0;
            try
            {
                NextChunk();
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
            // Only the last chunk can be empty: go round once more, to the end or to what follows it.
            if (plainLength == 0) return Read(buffer);
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
        plainLength = plainPosition = 0;
        var length = ReadFully(input, sealedChunk, 0, SealedSize);
        if (length == 0) throw new AgeException(AgeFailure.Payload, "the payload is cut short (it ends without its last chunk)");
        var last = length < SealedSize;
        if (length < AgeFormat.TagSize) throw new AgeException(AgeFailure.Payload, "the payload is cut short (a chunk is shorter than its tag)");
        if (last && length == AgeFormat.TagSize && counter > 0) throw new AgeException(AgeFailure.Payload, "an empty chunk is only allowed for an empty file");
        var size = length - AgeFormat.TagSize;
        // A full-size chunk is the last one if it authenticates as such: the reference tries "not last" first.
        if (!Open(size, last) && (last || !Open(size, last = true)))
            throw new AgeException(AgeFailure.Payload, $"the payload is corrupt or cut short (chunk {counter + 1} does not authenticate)");
        counter++;
        plainLength = size;
        if (!last) return;
        ended = true;
        // Nothing may follow the last chunk; what it holds is released first, as the reference does.
        if (ReadFully(input, new byte[1], 0, 1) > 0) pending = new AgeException(AgeFailure.Payload, "the payload has data after its last chunk");
    }

    private bool Open(int size, bool last)
    {
        AgeFormat.Nonce(nonce, counter, last);
        try
        {
            aead.Decrypt(nonce, sealedChunk.AsSpan(0, size), sealedChunk.AsSpan(size, AgeFormat.TagSize), plain.AsSpan(0, size));
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static Exception Again(Exception failure) => failure is AgeException age
        ? new AgeException(age.Failure, age.Message)
        : new IOException("the age payload cannot be read any further: an earlier read failed (" + failure.Message + ")", failure);

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
