using System.Text;

namespace Jaga.Core.Crypto;

/// <summary>A write-only stream that writes what it is given in age's ASCII armor: the BEGIN line, base64 in lines of
/// 64 columns, and on dispose the last line and the END line. The inner stream stays open.</summary>
internal sealed class AgeArmorWriter : Stream
{
    private readonly Stream output;
    private readonly byte[] pending = new byte[AgeArmor.BytesPerLine];
    private int filled;
    private bool begun;
    private bool finished;

    public AgeArmorWriter(Stream output) => this.output = output;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !finished;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => output.Write(Encode(buffer));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        output.WriteAsync(Encode(buffer.Span), cancellationToken);

    public override void Flush() => output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (!finished)
        {
            await output.WriteAsync(Final());
            await output.FlushAsync();
        }
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !finished)
        {
            output.Write(Final());
            output.Flush();
        }
        base.Dispose(disposing);
    }

    /// <summary>The armored text for <paramref name="data"/>: whole lines only; a partial line waits for more.</summary>
    private byte[] Encode(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        var text = new StringBuilder();
        if (!begun)
        {
            text.Append(AgeArmor.Begin).Append('\n');
            begun = true;
        }
        while (data.Length > 0)
        {
            var n = Math.Min(data.Length, pending.Length - filled);
            data[..n].CopyTo(pending.AsSpan(filled));
            filled += n;
            data = data[n..];
            if (filled < pending.Length) break;
            // A full line is written only when more follows, so that the last line is written by Final.
            if (data.Length == 0) break;
            text.Append(Convert.ToBase64String(pending)).Append('\n');
            filled = 0;
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private byte[] Final()
    {
        var text = new StringBuilder();
        if (!begun) text.Append(AgeArmor.Begin).Append('\n');
        if (filled > 0) text.Append(Convert.ToBase64String(pending, 0, filled)).Append('\n');
        text.Append(AgeArmor.End).Append('\n');
        finished = true;
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
