namespace Jaga.Core.Crypto;

/// <summary>A read-only stream that first gives back the bytes already read from <c>input</c> to look at them, then the rest.</summary>
internal sealed class AgePeekedStream(byte[] peeked, Stream input) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position == peeked.Length) return input.Read(buffer);
        var n = Math.Min(buffer.Length, peeked.Length - position);
        peeked.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
