using System.Buffers;
using System.Text;

namespace Jaga.Core.Crypto;

/// <summary>A read-only stream that decodes age's ASCII armor strictly, line by line (memory stays bounded): anything
/// the reference refuses fails with an <see cref="AgeException"/> of kind <see cref="AgeFailure.Armor"/>, and so does
/// every read after it.</summary>
internal sealed class AgeArmorReader : Stream
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n\v\f"u8);

    private readonly Stream input;
    private readonly byte[] raw = new byte[8192];
    private readonly byte[] decoded = new byte[AgeArmor.BytesPerLine];
    private int rawPosition;
    private int rawLength;
    private int decodedPosition;
    private int decodedLength;
    private bool started;
    private bool finished;
    private AgeException? failure;

    /// <param name="input">The armored file.</param>
    /// <param name="peeked">Bytes already read from <paramref name="input"/> to recognise the armor: they come first.</param>
    public AgeArmorReader(Stream input, byte[] peeked)
    {
        this.input = input;
        peeked.CopyTo(raw, 0);
        rawLength = peeked.Length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (decodedPosition == decodedLength)
        {
            if (failure is not null) throw new AgeException(AgeFailure.Armor, failure.Message);
            if (finished || buffer.Length == 0) return 0;
            try
            {
                NextLine();
            }
            catch (AgeException e)
            {
                failure = e;
                throw;
            }
            if (decodedLength == 0) return 0;
        }
        var n = Math.Min(buffer.Length, decodedLength - decodedPosition);
        decoded.AsSpan(decodedPosition, n).CopyTo(buffer);
        decodedPosition += n;
        return n;
    }

    private void NextLine()
    {
        decodedPosition = decodedLength = 0;
        if (!started) Start();
        var line = Line() ?? throw Fail("the armor ends without its END line");
        if (line == AgeArmor.End)
        {
            Finish();
            return;
        }
        if (line.Length == 0) throw Fail("the armor has an empty line");
        if (line.Length > AgeArmor.Columns) throw Fail($"an armor line is longer than {AgeArmor.Columns} columns");
        decodedLength = Decode(line, decoded) ?? throw Fail("an armor line is not canonical base64");
        if (decodedLength == AgeArmor.BytesPerLine) return;
        // A short line is the last one: the END line must follow it at once.
        if (Line() != AgeArmor.End) throw Fail($"the armor's last line is not followed by '{AgeArmor.End}' (or a line is shorter than {AgeArmor.Columns} columns)");
        Finish();
    }

    private void Start()
    {
        var skipped = 0;
        while (true)
        {
            var line = Line() ?? throw Fail($"the armor has no '{AgeArmor.Begin}' line");
            if (line.All(c => c < 128 && AgeArmor.IsWhitespace((byte)c)))
            {
                skipped += line.Length + 1;
                if (skipped > AgeArmor.MaxWhitespace) throw Fail("too much whitespace before the armor");
                continue;
            }
            if (line != AgeArmor.Begin) throw Fail($"the armor does not begin with '{AgeArmor.Begin}'");
            started = true;
            return;
        }
    }

    /// <summary>After the END line only whitespace may follow, and not much of it.</summary>
    private void Finish()
    {
        finished = true;
        var seen = 0;
        while (seen < AgeArmor.MaxWhitespace && Fill())
        {
            var n = Math.Min(rawLength - rawPosition, AgeArmor.MaxWhitespace - seen);
            if (raw.AsSpan(rawPosition, n).ContainsAnyExcept(Whitespace)) throw Fail("there is data after the armor's END line");
            rawPosition += n;
            seen += n;
        }
        if (seen == AgeArmor.MaxWhitespace) throw Fail("too much whitespace after the armor");
    }

    /// <summary>The next line without its LF (and CR before it), or null at the end of the input.</summary>
    private string? Line()
    {
        var line = new StringBuilder();
        while (Fill())
        {
            var b = raw[rawPosition++];
            if (b == '\n') return Trimmed(line);
            line.Append((char)b);
            if (line.Length > AgeArmor.MaxWhitespace + 1) throw Fail($"an armor line is longer than {AgeArmor.Columns} columns");
        }
        return line.Length == 0 ? null : Trimmed(line);
    }

    private static string Trimmed(StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();

    private bool Fill()
    {
        if (rawPosition < rawLength) return true;
        rawPosition = 0;
        rawLength = input.Read(raw, 0, raw.Length);
        return rawLength > 0;
    }

    /// <summary>Strict base64: the standard alphabet, padding only at the end, unused bits zero (the one spelling).</summary>
    private static int? Decode(string line, byte[] into)
    {
        if (line.Length % 4 != 0) return null;
        var padding = line.EndsWith("==", StringComparison.Ordinal) ? 2 : line.EndsWith('=') ? 1 : 0;
        foreach (var c in line.AsSpan(0, line.Length - padding))
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/')) return null;
        if (!Convert.TryFromBase64String(line, into, out var n)) return null;
        return Convert.ToBase64String(into, 0, n) == line ? n : null;
    }

    private static AgeException Fail(string message) => new(AgeFailure.Armor, message);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
