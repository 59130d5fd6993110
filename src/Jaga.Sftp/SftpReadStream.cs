using Jaga.Core.Ports;

namespace Jaga.Sftp;

/// <summary>A committed object being read: SSH.NET's file stream, with its failures (a dropped connection halfway
/// through) reported as <see cref="DestinationException"/> like every other destination error.</summary>
internal sealed class SftpReadStream(Stream inner, Func<Exception, DestinationException> failed) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return inner.Read(buffer);
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, CancellationToken.None))
        {
            throw failed(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, cancellationToken))
        {
            throw failed(e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        catch (Exception e) when (!SftpFailure.PassesThrough(e, CancellationToken.None))
        {
            // Closing a read handle on a lost connection: nothing to undo.
        }
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (Exception e) when (!SftpFailure.PassesThrough(e, CancellationToken.None))
            {
                // As above.
            }
        }
        base.Dispose(disposing);
    }
}
