namespace Jaga.Core.Crypto;

/// <summary>age's ASCII armor: strict PEM with the label <c>AGE ENCRYPTED FILE</c>, no headers, standard padded base64 in
/// lines of exactly 64 columns but the last (LF or CRLF), whitespace only around it, each bounded to 1 KiB.</summary>
internal static class AgeArmor
{
    public const string Begin = "-----BEGIN AGE ENCRYPTED FILE-----";
    public const string End = "-----END AGE ENCRYPTED FILE-----";
    public const int Columns = 64;
    public const int BytesPerLine = Columns / 4 * 3;

    /// <summary>At most this much whitespace before and after the armor: more is not a file age wrote.</summary>
    public const int MaxWhitespace = 1024;

    /// <summary>The binary age file in <paramref name="input"/>: the input itself, or its armor decoded. With
    /// <paramref name="armored"/> null, a file is taken as armored when its first byte after any whitespace is '-'
    /// (a binary age file begins "age-encryption.org").</summary>
    public static Stream Open(Stream input, bool? armored)
    {
        if (armored is { } known) return known ? new AgeArmorReader(input, []) : input;
        var peeked = new List<byte>();
        int b;
        while ((b = input.ReadByte()) >= 0)
        {
            peeked.Add((byte)b);
            if (!IsWhitespace((byte)b) || peeked.Count > MaxWhitespace) break;
        }
        return b == '-' ? new AgeArmorReader(input, [.. peeked]) : new AgePeekedStream([.. peeked], input);
    }

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0b or 0x0c;
}
