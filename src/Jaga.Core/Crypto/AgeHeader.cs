using System.Security.Cryptography;
using System.Text;

namespace Jaga.Core.Crypto;

/// <summary>Writes and reads the text header of an age file, and its MAC.</summary>
internal static class AgeHeader
{
    public static byte[] Write(IReadOnlyList<AgeStanza> stanzas, byte[] fileKey)
    {
        var sb = new StringBuilder();
        sb.Append(AgeFormat.Intro).Append('\n');
        foreach (var s in stanzas)
        {
            sb.Append("->");
            foreach (var part in s.Arguments.Prepend(s.Type)) sb.Append(' ').Append(part);
            sb.Append('\n');
            var body = AgeFormat.B64(s.Body);
            // Lines of 64 columns; the last is always shorter, even if that makes it empty.
            for (var i = 0; i <= body.Length; i += 64) sb.Append(body.AsSpan(i, Math.Min(64, body.Length - i))).Append('\n');
        }
        sb.Append("---");
        var mac = HMACSHA256.HashData(AgeFormat.Hkdf(fileKey, [], "header"), Encoding.ASCII.GetBytes(sb.ToString()));
        sb.Append(' ').Append(AgeFormat.B64(mac)).Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Reads the header from <paramref name="input"/>, leaving it at the first payload byte.</summary>
    public static (List<AgeStanza> Stanzas, string MacInput, byte[] Mac) Read(Stream input)
    {
        var text = new StringBuilder();
        var intro = Line(input) ?? throw new AgeException(AgeFailure.Header, "not an age file (empty)");
        if (intro != AgeFormat.Intro) throw new AgeException(AgeFailure.Header, "not an age file: the first line is not 'age-encryption.org/v1'");
        text.Append(intro).Append('\n');
        var stanzas = new List<AgeStanza>();
        while (true)
        {
            var line = Line(input) ?? throw new AgeException(AgeFailure.Header, "the header ends before '---'");
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                text.Append("---");
                // A MAC of another length is a malformed header, not an altered one (the reference tells them apart).
                if (AgeFormat.FromB64(line[4..]) is not { Length: 32 } mac) throw new AgeException(AgeFailure.Header, "the header MAC is not 32 bytes of base64");
                if (stanzas.Count == 0) throw new AgeException(AgeFailure.Header, "the header has no recipient stanza");
                return (stanzas, text.ToString(), mac);
            }
            if (!line.StartsWith("-> ", StringComparison.Ordinal)) throw new AgeException(AgeFailure.Header, $"unexpected header line '{Clip(line)}'");
            text.Append(line).Append('\n');
            var parts = line[3..].Split(' ');
            if (parts.Any(p => p.Length == 0)) throw new AgeException(AgeFailure.Header, "an empty argument in a stanza");
            var body = new StringBuilder();
            while (true)
            {
                var bodyLine = Line(input) ?? throw new AgeException(AgeFailure.Header, "the header ends inside a stanza");
                text.Append(bodyLine).Append('\n');
                if (bodyLine.Length > 64) throw new AgeException(AgeFailure.Header, "a stanza line is longer than 64 columns");
                body.Append(bodyLine);
                if (bodyLine.Length < 64) break;
            }
            stanzas.Add(new AgeStanza(parts[0], parts[1..], AgeFormat.FromB64(body.ToString()) ?? throw new AgeException(AgeFailure.Header, "a stanza body is not valid base64")));
        }
    }

    public static bool MacMatches(string macInput, byte[] mac, byte[] fileKey) =>
        CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(AgeFormat.Hkdf(fileKey, [], "header"), Encoding.ASCII.GetBytes(macInput)), mac);

    private static string? Line(Stream input)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : throw new AgeException(AgeFailure.Header, "the header is cut short");
            if (b == '\n') return Encoding.ASCII.GetString(bytes.ToArray());
            if (b is < 0x20 or > 0x7e) throw new AgeException(AgeFailure.Header, "the header contains a byte that is not printable ASCII");
            bytes.Add((byte)b);
            if (bytes.Count > 4096) throw new AgeException(AgeFailure.Header, "a header line is too long");
        }
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
