using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>Encryption in the age v1 format, interoperable with the <c>age</c> CLI both ways: X25519 recipients
/// (<c>age1…</c>), post-quantum hybrid recipients (<c>age1pq1…</c>, age 1.3's <c>mlkem768x25519</c>; older age CLIs cannot
/// read them) and scrypt passphrases, binary or ASCII-armored. Streams are processed 64 KiB at a time.
/// Decryption follows the reference: what C2SP's conformance vectors expect, failure kinds included.</summary>
public static class Age
{
    /// <summary>The scrypt work factors age allows (2^1 to 2^30); age decrypts only up to 22 unless told otherwise.</summary>
    public const int MinWorkFactor = 1, MaxWorkFactor = 30;

    private const string X25519Label = "age-encryption.org/v1/X25519";
    private const string ScryptLabel = "age-encryption.org/v1/scrypt";

    /// <summary>Writes the header for <paramref name="recipients"/> (age1… X25519 or age1pq1… post-quantum hybrid strings) and
    /// returns a stream that encrypts into <paramref name="output"/>. Dispose it to finish the file. With <paramref name="armor"/>
    /// the file is written in age's ASCII armor (<c>-----BEGIN AGE ENCRYPTED FILE-----</c>), as <c>age -a</c> does. Post-quantum
    /// and X25519 recipients are not mixed in one file (as age refuses it: the X25519 stanza would undo the protection).</summary>
    public static Stream EncryptTo(Stream output, IReadOnlyList<string> recipients, bool armor = false)
    {
        if (recipients.Count == 0) throw new ArgumentException("at least one recipient is needed", nameof(recipients));
        if (MixesKinds(recipients))
            throw new ArgumentException("post-quantum (age1pq1…) and X25519 (age1…) recipients cannot be mixed in one file", nameof(recipients));
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanzas = recipients.Select(r =>
            AgeKeys.TryParseRecipient(r, out var pub) ? X25519Stanza(pub, fileKey)
            : AgeKeys.TryParseHybridRecipient(r, out var hybrid) ? AgeHybrid.Stanza(hybrid, fileKey)
            : throw new ArgumentException($"'{Clip(r)}' is not an age recipient (age1… or age1pq1…)", nameof(recipients))).ToList();
        return Seal(output, stanzas, fileKey, armor);
    }

    /// <summary>Whether <paramref name="recipients"/> hold both post-quantum and X25519 recipients, which age does not mix.</summary>
    public static bool MixesKinds(IEnumerable<string> recipients)
    {
        var kinds = recipients.Where(AgeKeys.IsRecipient).Select(AgeKeys.IsHybridRecipient).Distinct().Count();
        return kinds > 1;
    }

    /// <summary>Encrypts with a passphrase (scrypt, work factor 2^<paramref name="workFactor"/>, as <c>age -p</c>);
    /// <paramref name="armor"/> as for recipients.</summary>
    public static Stream EncryptTo(Stream output, string passphrase, int workFactor = 18, bool armor = false)
    {
        // 1 << 31 overflows; age's own range is 1 to 30.
        if (workFactor is < MinWorkFactor or > MaxWorkFactor)
            throw new ArgumentOutOfRangeException(nameof(workFactor), workFactor,
                $"the scrypt work factor must be between {MinWorkFactor} and {MaxWorkFactor} (age decrypts only up to 22 by default)");
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Scrypt(passphrase, salt, workFactor);
        var stanza = new AgeStanza("scrypt", [AgeFormat.B64(salt), workFactor.ToString(CultureInfo.InvariantCulture)], AgeFormat.Wrap(key, fileKey));
        return Seal(output, [stanza], fileKey, armor);
    }

    /// <summary>Reads the header and returns a stream of the plaintext, for any of the <paramref name="identities"/>
    /// (AGE-SECRET-KEY-1… X25519 or AGE-SECRET-KEY-PQ-1… post-quantum hybrid). <paramref name="armored"/>: true for an
    /// ASCII-armored file, false for a binary one, null to tell them apart by the first bytes (as the <c>age</c> CLI does).
    /// As the reference: each identity in turn looks at the stanzas of its own type, in order, and a malformed one of its
    /// type is a header failure.</summary>
    public static Stream DecryptFrom(Stream input, IReadOnlyList<string> identities, bool? armored = null)
    {
        var secrets = identities.Select(AgeKeys.ParseAnyIdentity).ToList();
        var source = AgeArmor.Open(input, armored);
        var (stanzas, macInput, mac) = AgeHeader.Read(source);
        if (stanzas.Any(s => s.Type == "scrypt"))
            throw stanzas.Count == 1
                ? new AgeException(AgeFailure.NoMatch, "this file is encrypted with a passphrase, not to a recipient")
                : new AgeException(AgeFailure.Header, "a scrypt stanza must be the only one in the header");
        foreach (var secret in secrets)
        {
            foreach (var stanza in stanzas)
            {
                var fileKey = secret.Hybrid
                    ? stanza.Type == AgeHybrid.StanzaType ? AgeHybrid.Unwrap(stanza, secret.Key) : null
                    : stanza.Type == "X25519" ? X25519Unwrap(stanza, secret.Key) : null;
                if (fileKey is not null) return Open(source, macInput, mac, fileKey);
            }
        }
        throw new AgeException(AgeFailure.NoMatch, "no identity matches any recipient of this file");
    }

    /// <summary>Decrypts a passphrase-encrypted file; work factors above <paramref name="maxWorkFactor"/> are refused (as age does,
    /// to bound the time spent). <paramref name="armored"/> as for identities.</summary>
    public static Stream DecryptFrom(Stream input, string passphrase, int maxWorkFactor = 22, bool? armored = null)
    {
        var source = AgeArmor.Open(input, armored);
        var (stanzas, macInput, mac) = AgeHeader.Read(source);
        // As the reference: a scrypt stanza must be alone; other stanzas (an "Scrypt" too) are not a passphrase's to open.
        if (stanzas.Count > 1 && stanzas.Any(s => s.Type == "scrypt"))
            throw new AgeException(AgeFailure.Header, "a scrypt stanza must be the only one in the header");
        if (stanzas.Count != 1 || stanzas[0].Type != "scrypt")
            throw new AgeException(AgeFailure.NoMatch, "this file is not encrypted with a passphrase (it is encrypted to age recipients)");
        var s = stanzas[0];
        if (s.Arguments.Count != 2 || AgeFormat.FromB64(s.Arguments[0]) is not { Length: 16 } salt
            || !int.TryParse(s.Arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var workFactor) || workFactor is < MinWorkFactor or > MaxWorkFactor
            || s.Arguments[1] != workFactor.ToString(CultureInfo.InvariantCulture) || s.Body.Length != 32)
            throw new AgeException(AgeFailure.Header, "a malformed scrypt stanza");
        if (workFactor > maxWorkFactor) throw new AgeException(AgeFailure.Header, $"the scrypt work factor {workFactor} is above the allowed {maxWorkFactor}");
        var fileKey = AgeFormat.Unwrap(Scrypt(passphrase, salt, workFactor), s.Body) ?? throw new AgeException(AgeFailure.NoMatch, "wrong passphrase");
        return Open(source, macInput, mac, fileKey);
    }

    private static Stream Seal(Stream output, IReadOnlyList<AgeStanza> stanzas, byte[] fileKey, bool armor)
    {
        var sink = armor ? new AgeArmorWriter(output) : output;
        sink.Write(AgeHeader.Write(stanzas, fileKey));
        return new AgeEncryptStream(sink, fileKey, ownsOutput: armor);
    }

    private static Stream Open(Stream input, string macInput, byte[] mac, byte[] fileKey)
    {
        if (!AgeHeader.MacMatches(macInput, mac, fileKey)) throw new AgeException(AgeFailure.HeaderMac, "the header was altered (its MAC does not match)");
        return new AgeDecryptStream(input, fileKey);
    }

    private static AgeStanza X25519Stanza(byte[] recipient, byte[] fileKey)
    {
        var ephemeral = RandomNumberGenerator.GetBytes(32);
        var share = AgeKeys.PublicKey(ephemeral);
        var shared = new byte[32];
        X25519.ScalarMult(ephemeral, 0, recipient, 0, shared, 0);
        if (shared.All(b => b == 0)) throw new ArgumentException("the recipient is a low-order point", nameof(recipient));
        var key = AgeFormat.Hkdf(shared, [.. share, .. recipient], X25519Label);
        return new AgeStanza("X25519", [AgeFormat.B64(share)], AgeFormat.Wrap(key, fileKey));
    }

    private static byte[]? X25519Unwrap(AgeStanza stanza, byte[] secret)
    {
        if (stanza.Arguments.Count != 1 || AgeFormat.FromB64(stanza.Arguments[0]) is not { Length: 32 } share || stanza.Body.Length != 32)
            throw new AgeException(AgeFailure.Header, "a malformed X25519 stanza");
        var shared = new byte[32];
        X25519.ScalarMult(secret, 0, share, 0, shared, 0);
        if (shared.All(b => b == 0)) throw new AgeException(AgeFailure.Header, "an X25519 stanza with a low-order share");
        var key = AgeFormat.Hkdf(shared, [.. share, .. AgeKeys.PublicKey(secret)], X25519Label);
        return AgeFormat.Unwrap(key, stanza.Body);
    }

    // A secret key pasted by mistake must not be echoed whole; a post-quantum recipient is 1,950 characters.
    private static string Clip(string value) => value.StartsWith("AGE-SECRET-KEY", StringComparison.OrdinalIgnoreCase) ? "AGE-SECRET-KEY-…" : value.Length > 24 ? value[..24] + "…" : value;

    private static byte[] Scrypt(string passphrase, byte[] salt, int workFactor) =>
        SCrypt.Generate(Encoding.UTF8.GetBytes(passphrase), [.. Encoding.ASCII.GetBytes(ScryptLabel), .. salt], 1 << workFactor, 8, 1, 32);
}
