using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>Encryption in the age v1 format, interoperable with the <c>age</c> CLI both ways: X25519 recipients
/// (<c>age1…</c>) and scrypt passphrases. Streams are processed 64 KiB at a time.</summary>
public static class Age
{
    private const string X25519Label = "age-encryption.org/v1/X25519";
    private const string ScryptLabel = "age-encryption.org/v1/scrypt";

    /// <summary>Writes the header for <paramref name="recipients"/> (age1… strings) and returns a stream that
    /// encrypts into <paramref name="output"/>. Dispose it to finish the file.</summary>
    public static Stream EncryptTo(Stream output, IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 0) throw new ArgumentException("at least one recipient is needed", nameof(recipients));
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var stanzas = recipients.Select(r => AgeKeys.TryParseRecipient(r, out var pub)
            ? X25519Stanza(pub, fileKey) : throw new ArgumentException($"'{r}' is not an age recipient (age1…)", nameof(recipients))).ToList();
        output.Write(AgeHeader.Write(stanzas, fileKey));
        return new AgeEncryptStream(output, fileKey);
    }

    /// <summary>Encrypts with a passphrase (scrypt, work factor 2^<paramref name="workFactor"/>, as <c>age -p</c>).</summary>
    public static Stream EncryptTo(Stream output, string passphrase, int workFactor = 18)
    {
        var fileKey = RandomNumberGenerator.GetBytes(16);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Scrypt(passphrase, salt, workFactor);
        var stanza = new AgeStanza("scrypt", [AgeFormat.B64(salt), workFactor.ToString(CultureInfo.InvariantCulture)], AgeFormat.Wrap(key, fileKey));
        output.Write(AgeHeader.Write([stanza], fileKey));
        return new AgeEncryptStream(output, fileKey);
    }

    /// <summary>Reads the header and returns a stream of the plaintext, for any of the X25519 <paramref name="identities"/> (AGE-SECRET-KEY-1…).</summary>
    public static Stream DecryptFrom(Stream input, IReadOnlyList<string> identities)
    {
        var secrets = identities.Select(i => AgeKeys.TryParseIdentity(i, out var s) ? s : throw new AgeException("an identity is not an age secret key (AGE-SECRET-KEY-1…)")).ToList();
        var (stanzas, macInput, mac) = AgeHeader.Read(input);
        if (stanzas.Any(s => s.Type == "scrypt")) throw new AgeException("this file is encrypted with a passphrase, not to a recipient");
        foreach (var stanza in stanzas.Where(s => s.Type == "X25519"))
        {
            if (stanza.Arguments.Count != 1 || AgeFormat.FromB64(stanza.Arguments[0]) is not { Length: 32 } share || stanza.Body.Length != 32)
                throw new AgeException("a malformed X25519 stanza");
            foreach (var secret in secrets)
            {
                var shared = new byte[32];
                X25519.ScalarMult(secret, 0, share, 0, shared, 0);
                if (shared.All(b => b == 0)) throw new AgeException("an X25519 stanza with a low-order share");
                var key = AgeFormat.Hkdf(shared, [.. share, .. AgeKeys.PublicKey(secret)], X25519Label);
                if (AgeFormat.Unwrap(key, stanza.Body) is { } fileKey) return Open(input, macInput, mac, fileKey);
            }
        }
        throw new AgeException("no identity matches any recipient of this file");
    }

    /// <summary>Decrypts a passphrase-encrypted file; work factors above <paramref name="maxWorkFactor"/> are refused (as age does, to bound the time spent).</summary>
    public static Stream DecryptFrom(Stream input, string passphrase, int maxWorkFactor = 22)
    {
        var (stanzas, macInput, mac) = AgeHeader.Read(input);
        if (stanzas.Count != 1 || stanzas[0].Type != "scrypt") throw new AgeException("this file is not encrypted with a passphrase alone");
        var s = stanzas[0];
        if (s.Arguments.Count != 2 || AgeFormat.FromB64(s.Arguments[0]) is not { Length: 16 } salt
            || !int.TryParse(s.Arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var workFactor) || workFactor is < 1 or > 30
            || s.Arguments[1] != workFactor.ToString(CultureInfo.InvariantCulture))
            throw new AgeException("a malformed scrypt stanza");
        if (workFactor > maxWorkFactor) throw new AgeException($"the scrypt work factor {workFactor} is above the allowed {maxWorkFactor}");
        var fileKey = AgeFormat.Unwrap(Scrypt(passphrase, salt, workFactor), s.Body) ?? throw new AgeException("wrong passphrase");
        return Open(input, macInput, mac, fileKey);
    }

    private static Stream Open(Stream input, string macInput, byte[] mac, byte[] fileKey)
    {
        if (!AgeHeader.MacMatches(macInput, mac, fileKey)) throw new AgeException("the header was altered (its MAC does not match)");
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

    private static byte[] Scrypt(string passphrase, byte[] salt, int workFactor) =>
        SCrypt.Generate(Encoding.UTF8.GetBytes(passphrase), [.. Encoding.ASCII.GetBytes(ScryptLabel), .. salt], 1 << workFactor, 8, 1, 32);
}
