using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Jaga.Core.Ledger;

/// <summary>Ed25519 keys for checkpoints, stored as standard PEM (PKCS#8 and SubjectPublicKeyInfo) so openssl can verify them too.</summary>
public sealed class SigningKey
{
    // DER prefixes of Ed25519 keys (RFC 8410): the 32 raw key bytes follow them.
    private static readonly byte[] Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private readonly Ed25519PrivateKeyParameters? privateKey;

    private SigningKey(Ed25519PrivateKeyParameters? privateKey, Ed25519PublicKeyParameters publicKey)
    {
        this.privateKey = privateKey;
        PublicKey = publicKey.GetEncoded();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKey))[..16];
    }

    public byte[] PublicKey { get; }

    /// <summary>The first 16 hex digits of SHA-256 of the raw public key.</summary>
    public string KeyId { get; }

    public bool CanSign => privateKey is not null;

    public static SigningKey Generate()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = new Ed25519PrivateKeyParameters(seed);
        return new SigningKey(key, key.GeneratePublicKey());
    }

    public static SigningKey FromPrivatePem(string pem)
    {
        var der = Der(pem, "PRIVATE KEY", Pkcs8Prefix);
        var key = new Ed25519PrivateKeyParameters(der);
        return new SigningKey(key, key.GeneratePublicKey());
    }

    public static SigningKey FromPublicPem(string pem) =>
        new(null, new Ed25519PublicKeyParameters(Der(pem, "PUBLIC KEY", SpkiPrefix)));

    public string PrivatePem() =>
        new string(PemEncoding.Write("PRIVATE KEY", [.. Pkcs8Prefix, .. privateKey!.GetEncoded()])) + "\n";

    public string PublicPem() => new string(PemEncoding.Write("PUBLIC KEY", [.. SpkiPrefix, .. PublicKey])) + "\n";

    public string Sign(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, privateKey ?? throw new InvalidOperationException("this key can only verify"));
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }

    public bool Verify(byte[] message, string signatureBase64)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureBase64);
        }
        catch (FormatException)
        {
            return false;
        }
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey));
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    public Checkpoint SignCheckpoint(long seq, string head, DateTimeOffset time)
    {
        time = AuditEntry.ToMilliseconds(time);
        return new(seq, head, time, KeyId, Sign(Checkpoint.Statement(seq, head, time)));
    }

    public bool Verify(Checkpoint c) => c.KeyId == KeyId && Verify(c.Statement(), c.Signature);

    private static byte[] Der(string pem, string label, byte[] prefix)
    {
        var fields = PemEncoding.Find(pem);
        if (!pem.AsSpan()[fields.Label].SequenceEqual(label))
            throw new FormatException($"expected a PEM '{label}', found '{pem[fields.Label]}'");
        var der = Convert.FromBase64String(pem[fields.Base64Data]);
        if (der.Length != prefix.Length + 32 || !der.AsSpan(0, prefix.Length).SequenceEqual(prefix))
            throw new FormatException("not an Ed25519 key");
        return der[prefix.Length..];
    }
}
