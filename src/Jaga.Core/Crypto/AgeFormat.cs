using System.Security.Cryptography;
using System.Text;

namespace Jaga.Core.Crypto;

/// <summary>Constants and primitives of the age v1 format (age-encryption.org/v1).</summary>
internal static class AgeFormat
{
    public const string Intro = "age-encryption.org/v1";
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;

    public static byte[] Hkdf(ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> salt, string info) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm.ToArray(), 32, salt.ToArray(), Encoding.ASCII.GetBytes(info));

    /// <summary>Base64 without padding, as age writes it.</summary>
    public static string B64(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    public static byte[]? FromB64(string text)
    {
        // age's base64 is canonical and unpadded: reject padding and any other spelling.
        if (text.Contains('=', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)) return null;
        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        try
        {
            var bytes = Convert.FromBase64String(padded);
            return B64(bytes) == text ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Wraps a 16-byte file key with ChaCha20-Poly1305 under a zero nonce (or HPKE's <paramref name="nonce"/>).</summary>
    public static byte[] Wrap(byte[] key, byte[] fileKey, byte[]? nonce = null)
    {
        using var aead = new ChaCha20Poly1305(key);
        var body = new byte[fileKey.Length + TagSize];
        aead.Encrypt(nonce ?? new byte[12], fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
        return body;
    }

    public static byte[]? Unwrap(byte[] key, byte[] body, byte[]? nonce = null)
    {
        if (body.Length != 16 + TagSize) return null;
        using var aead = new ChaCha20Poly1305(key);
        var fileKey = new byte[16];
        try
        {
            aead.Decrypt(nonce ?? new byte[12], body.AsSpan(0, 16), body.AsSpan(16), fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public static void Nonce(Span<byte> nonce, ulong counter, bool last)
    {
        nonce.Clear();
        for (var i = 0; i < 8; i++) nonce[10 - i] = (byte)(counter >> (8 * i));
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
