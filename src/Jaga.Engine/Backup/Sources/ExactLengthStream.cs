namespace Jaga.Engine.Backup.Sources;

/// <summary>Reads exactly the length a tar header announced from a file that may change while it is read: a file that
/// grew is cut at that length, one that shrank is padded with zeros, as GNU tar does. Without it, a log file written
/// during the backup would shift every later entry of the archive.</summary>
internal sealed class ExactLengthStream(Stream inner, long length) : Stream
{
    private long position;

    /// <summary>Whether the file ended before the announced length.</summary>
    public bool Shrank { get; private set; }

    // "Seekable" only so that TarWriter takes the length up front instead of seeking in the archive.
    public override bool CanSeek => true;

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set
        {
            if (value != position) throw new NotSupportedException();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted <= 0) return 0;
        var n = Shrank ? 0 : inner.Read(buffer[..wanted]);
        if (n == 0)
        {
            Shrank = true;
            buffer[..wanted].Clear();
            n = wanted;
        }
        position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var wanted = (int)Math.Min(buffer.Length, length - position);
        if (wanted <= 0) return 0;
        var n = Shrank ? 0 : await inner.ReadAsync(buffer[..wanted], cancellationToken);
        if (n == 0)
        {
            Shrank = true;
            buffer.Span[..wanted].Clear();
            n = wanted;
        }
        position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) =>
        (origin == SeekOrigin.Begin && offset == position) || (origin == SeekOrigin.Current && offset == 0)
            ? position
            : throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
