using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>age keys: X25519 recipients <c>age1…</c> (public) and identities <c>AGE-SECRET-KEY-1…</c> (secret), and the
/// post-quantum hybrid ones of age 1.3 (ML-KEM-768 + X25519): recipients <c>age1pq1…</c> and identities
/// <c>AGE-SECRET-KEY-PQ-1…</c>.</summary>
public static class AgeKeys
{
    /// <summary>How every X25519 identity begins, in upper case as the reference requires.</summary>
    public const string IdentityPrefix = "AGE-SECRET-KEY-1";

    /// <summary>How every post-quantum hybrid identity begins.</summary>
    public const string HybridIdentityPrefix = "AGE-SECRET-KEY-PQ-1";

    /// <summary>How every post-quantum hybrid recipient begins.</summary>
    public const string HybridRecipientPrefix = "age1pq1";

    /// <summary>Whether <paramref name="text"/> is a recipient of either kind.</summary>
    public static bool IsRecipient(string text) => TryParseRecipient(text, out _) || TryParseHybridRecipient(text, out _);

    /// <summary>Whether <paramref name="text"/> is a post-quantum hybrid recipient (<c>age1pq1…</c>).</summary>
    public static bool IsHybridRecipient(string text) => TryParseHybridRecipient(text, out _);

    /// <summary>Whether a line of an identity file is an identity of either kind (or meant to be one: the case is checked
    /// when it is parsed, with a message).</summary>
    public static bool LooksLikeIdentity(string line) =>
        line.StartsWith(IdentityPrefix, StringComparison.OrdinalIgnoreCase) || line.StartsWith(HybridIdentityPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool TryParseHybridRecipient(string text, out byte[] publicKey)
    {
        publicKey = [];
        if (text.Trim().Any(char.IsUpper) || Bech32.Decode(text.Trim()) is not { Hrp: "age1pq" } decoded || !AgeHybrid.IsPublicKey(decoded.Data)) return false;
        publicKey = decoded.Data;
        return true;
    }

    public static bool TryParseHybridIdentity(string text, out byte[] seed)
    {
        seed = [];
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(HybridIdentityPrefix, StringComparison.Ordinal)
            || Bech32.Decode(trimmed) is not { Hrp: "age-secret-key-pq-", Data.Length: AgeHybrid.SeedSize } decoded) return false;
        seed = decoded.Data;
        return true;
    }

    public static string HybridRecipient(ReadOnlySpan<byte> publicKey) => Bech32.Encode("age1pq", publicKey);

    public static string HybridIdentity(ReadOnlySpan<byte> seed) => Bech32.Encode("age-secret-key-pq-", seed).ToUpperInvariant();

    /// <summary>The recipient of a post-quantum hybrid identity's seed.</summary>
    public static byte[] HybridPublicKey(byte[] seed) => AgeHybrid.PublicKey(seed);

    /// <summary>A new post-quantum hybrid identity and its recipient, as <c>age-keygen -pq</c> makes them.</summary>
    public static (string Identity, string Recipient) GenerateHybrid()
    {
        var seed = RandomNumberGenerator.GetBytes(AgeHybrid.SeedSize);
        return (HybridIdentity(seed), HybridRecipient(AgeHybrid.PublicKey(seed)));
    }

    /// <summary>An identity of either kind, for decryption; an <see cref="AgeException"/> saying why the text is not one.</summary>
    internal static AgeIdentity ParseAnyIdentity(string text) =>
        TryParseHybridIdentity(text, out var seed) ? new AgeIdentity(true, seed)
        : text.Trim().StartsWith(HybridIdentityPrefix, StringComparison.OrdinalIgnoreCase)
            ? throw new AgeException(AgeFailure.NoMatch, "a post-quantum identity is not in upper case or not valid; age writes them AGE-SECRET-KEY-PQ-1…, as 'age-keygen -pq' does")
            : new AgeIdentity(false, ParseIdentity(text));

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

    /// <summary>The secret key of an X25519 identity, or an <see cref="AgeException"/> saying why the text is not one.</summary>
    public static byte[] ParseIdentity(string text)
    {
        if (TryParseIdentity(text, out var secret)) return secret;
        var trimmed = text.Trim();
        throw new AgeException(AgeFailure.NoMatch, trimmed switch
        {
            _ when trimmed.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.OrdinalIgnoreCase) =>
                "an identity is a post-quantum age identity (AGE-SECRET-KEY-PQ-1…), not an X25519 one",
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

/// <summary>A parsed identity: an X25519 secret key, or (<paramref name="Hybrid"/>) the 32-byte seed of a post-quantum one.</summary>
internal sealed record AgeIdentity(bool Hybrid, byte[] Key);
