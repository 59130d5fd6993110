using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>age X25519 keys: recipients <c>age1…</c> (public) and identities <c>AGE-SECRET-KEY-1…</c> (secret).</summary>
public static class AgeKeys
{
    public static bool TryParseRecipient(string text, out byte[] publicKey)
    {
        publicKey = [];
        // Recipients are written in lower case; Bech32 also accepts all-upper, age does not.
        if (text.Trim().Any(char.IsUpper) || Bech32.Decode(text.Trim()) is not { Hrp: "age", Data.Length: 32 } decoded) return false;
        publicKey = decoded.Data;
        return true;
    }

    public static bool TryParseIdentity(string text, out byte[] secretKey)
    {
        secretKey = [];
        if (Bech32.Decode(text.Trim()) is not { Hrp: "age-secret-key-", Data.Length: 32 } decoded) return false;
        secretKey = decoded.Data;
        return true;
    }

    public static string Recipient(ReadOnlySpan<byte> publicKey) => Bech32.Encode("age", publicKey);

    public static string Identity(ReadOnlySpan<byte> secretKey) => Bech32.Encode("age-secret-key-", secretKey).ToUpperInvariant();

    public static byte[] PublicKey(ReadOnlySpan<byte> secretKey)
    {
        var pub = new byte[32];
        X25519.ScalarMultBase(secretKey.ToArray(), 0, pub, 0);
        return pub;
    }

    /// <summary>A new identity and its recipient.</summary>
    public static (string Identity, string Recipient) Generate()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        return (Identity(secret), Recipient(PublicKey(secret)));
    }
}
