using System.Security.Cryptography;
using System.Text;

namespace Jaga.Engine.Heartbeats;

/// <summary>Heartbeat ping tokens: made unguessable, compared without telling an attacker how close a guess was.</summary>
public static class PingTokens
{
    /// <summary>A new random token: 128 bits as 26 lower-case base32 letters and digits (safe in a URL and in YAML unquoted).</summary>
    public static string New()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var text = new StringBuilder(26);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    /// <summary>True when <paramref name="given"/> is <paramref name="expected"/>, in time that depends on neither: both are
    /// hashed first, so not even a length difference returns early (<see cref="CryptographicOperations.FixedTimeEquals"/>
    /// alone does for unequal lengths).</summary>
    public static bool Same(string expected, string given)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(given);
        Span<byte> a = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> b = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(given), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
