using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>age X25519 keys: recipients <c>age1…</c> (public) and identities <c>AGE-SECRET-KEY-1…</c> (secret).</summary>
public static class AgeKeys
{
    /// <summary>How every identity begins, in upper case as the reference requires.</summary>
    public const string IdentityPrefix = "AGE-SECRET-KEY-1";

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
        // Identities are written in upper case; Bech32 also accepts all-lower, the reference refuses it.
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(IdentityPrefix, StringComparison.Ordinal)
            || Bech32.Decode(trimmed) is not { Hrp: "age-secret-key-", Data.Length: 32 } decoded) return false;
        secretKey = decoded.Data;
        return true;
    }

    /// <summary>The secret key of an identity, or an <see cref="AgeException"/> saying why the text is not one.</summary>
    public static byte[] ParseIdentity(string text)
    {
        if (TryParseIdentity(text, out var secret)) return secret;
        var trimmed = text.Trim();
        throw new AgeException(AgeFailure.NoMatch, trimmed switch
        {
            _ when trimmed.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.OrdinalIgnoreCase) =>
                "an identity is a post-quantum age identity (AGE-SECRET-KEY-PQ-1…), which Jaga does not support; use an X25519 identity (age-keygen without -pq)",
            _ when trimmed.StartsWith(IdentityPrefix, StringComparison.OrdinalIgnoreCase) =>
                "an identity is not in upper case; age identities are written AGE-SECRET-KEY-1…, as age-keygen writes them",
            _ => "an identity is not an age secret key (AGE-SECRET-KEY-1…)",
        });
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
