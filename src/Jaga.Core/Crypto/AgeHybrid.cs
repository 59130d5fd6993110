using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace Jaga.Core.Crypto;

/// <summary>age's post-quantum hybrid recipient type (c2sp.org/age, age 1.3): the <c>mlkem768x25519</c> stanza. The file key is
/// sealed with HPKE (RFC 9180, base mode) whose KEM is MLKEM768-X25519, i.e. X-Wing (draft-connolly-cfrg-xwing-kem,
/// filippo.io/hpke-pq, HPKE KEM id 0x647a), with HKDF-SHA256 and ChaCha20-Poly1305, info
/// <c>age-encryption.org/mlkem768x25519</c> and an empty aad. ML-KEM-768, X25519, SHAKE256 and SHA3-256 are BouncyCastle's;
/// HKDF and ChaCha20-Poly1305 are .NET's. Only the glue is here.</summary>
internal static class AgeHybrid
{
    public const string StanzaType = "mlkem768x25519";

    /// <summary>Sizes of X-Wing: the 32-byte seed (the identity), the 1216-byte public key (the recipient), the 1120-byte
    /// encapsulation (the stanza's argument).</summary>
    public const int SeedSize = 32, PublicKeySize = MlKemPublicKeySize + 32, EncSize = MlKemCiphertextSize + 32;

    private const int MlKemPublicKeySize = 1184, MlKemCiphertextSize = 1088;
    private static readonly byte[] XWingLabel = [0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c]; // \.//^\
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/mlkem768x25519");

    // "HPKE" || kem_id 0x647a || kdf_id 0x0001 (HKDF-SHA256) || aead_id 0x0003 (ChaCha20Poly1305)
    private static readonly byte[] SuiteId = [.. "HPKE"u8, 0x64, 0x7a, 0x00, 0x01, 0x00, 0x03];

    /// <summary>The recipient (X-Wing public key: ML-KEM-768 encapsulation key || X25519 public key) of a seed.</summary>
    public static byte[] PublicKey(byte[] seed)
    {
        var (mlkem, x25519) = Expand(seed);
        return [.. mlkem.GetPublicKeyEncoded(), .. AgeKeys.PublicKey(x25519)];
    }

    /// <summary>Whether <paramref name="publicKey"/> is a usable recipient: the right size, and an ML-KEM-768 encapsulation
    /// key that passes FIPS 203's modulus check.</summary>
    public static bool IsPublicKey(byte[] publicKey)
    {
        if (publicKey.Length != PublicKeySize) return false;
        try
        {
            MLKemPublicKeyParameters.FromEncoding(MLKemParameters.ml_kem_768, publicKey[..MlKemPublicKeySize]);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The stanza that wraps <paramref name="fileKey"/> to <paramref name="publicKey"/> (HPKE SealBase).</summary>
    public static AgeStanza Stanza(byte[] publicKey, byte[] fileKey)
    {
        var pkM = MLKemPublicKeyParameters.FromEncoding(MLKemParameters.ml_kem_768, publicKey[..MlKemPublicKeySize]);
        var pkX = publicKey[MlKemPublicKeySize..];
        var encapsulator = new MLKemEncapsulator(MLKemParameters.ml_kem_768);
        encapsulator.Init(pkM);
        var ctM = new byte[MlKemCiphertextSize];
        var ssM = new byte[32];
        encapsulator.Encapsulate(ctM, 0, ctM.Length, ssM, 0, ssM.Length);
        var ekX = RandomNumberGenerator.GetBytes(32);
        var ctX = AgeKeys.PublicKey(ekX);
        var ssX = new byte[32];
        X25519.ScalarMult(ekX, 0, pkX, 0, ssX, 0);
        if (ssX.All(b => b == 0)) throw new ArgumentException("the recipient's X25519 key is a low-order point", nameof(publicKey));
        var (key, nonce) = KeySchedule(Combine(ssM, ssX, ctX, pkX));
        return new AgeStanza(StanzaType, [AgeFormat.B64([.. ctM, .. ctX])], AgeFormat.Wrap(key, fileKey, nonce));
    }

    /// <summary>The file key in <paramref name="stanza"/> (an <c>mlkem768x25519</c> one) for the identity
    /// <paramref name="seed"/>; null when it is not this identity's. A malformed stanza is a header failure, as the spec
    /// requires it to be rejected.</summary>
    public static byte[]? Unwrap(AgeStanza stanza, byte[] seed)
    {
        if (stanza.Arguments.Count != 1 || AgeFormat.FromB64(stanza.Arguments[0]) is not { Length: EncSize } enc)
            throw new AgeException(AgeFailure.Header, "a malformed mlkem768x25519 stanza (its argument must be 1120 bytes of canonical base64)");
        // Checked before decrypting, against partitioning oracles (the spec's MUST).
        if (stanza.Body.Length != 16 + AgeFormat.TagSize) throw new AgeException(AgeFailure.Header, "an mlkem768x25519 stanza whose body is not 32 bytes");
        var (dkM, skX) = Expand(seed);
        var ctX = enc[MlKemCiphertextSize..];
        var ssX = new byte[32];
        X25519.ScalarMult(skX, 0, ctX, 0, ssX, 0);
        if (ssX.All(b => b == 0)) throw new AgeException(AgeFailure.Header, "an mlkem768x25519 stanza with a low-order X25519 share");
        var decapsulator = new MLKemDecapsulator(MLKemParameters.ml_kem_768);
        decapsulator.Init(dkM);
        var ssM = new byte[32];
        decapsulator.Decapsulate(enc, 0, MlKemCiphertextSize, ssM, 0, ssM.Length);
        var (key, nonce) = KeySchedule(Combine(ssM, ssX, ctX, AgeKeys.PublicKey(skX)));
        return AgeFormat.Unwrap(key, stanza.Body, nonce);
    }

    /// <summary>X-Wing's expandDecapsulationKey: SHAKE256(seed, 96) gives the ML-KEM-768 seed (d || z) and the X25519 secret.</summary>
    private static (MLKemPrivateKeyParameters MlKem, byte[] X25519) Expand(byte[] seed)
    {
        var shake = new ShakeDigest(256);
        shake.BlockUpdate(seed, 0, seed.Length);
        var expanded = new byte[96];
        shake.OutputFinal(expanded, 0, expanded.Length);
        return (MLKemPrivateKeyParameters.FromSeed(MLKemParameters.ml_kem_768, expanded[..64]), expanded[64..]);
    }

    /// <summary>X-Wing's combiner: SHA3-256(ss_M || ss_X || ct_X || pk_X || label).</summary>
    private static byte[] Combine(byte[] ssM, byte[] ssX, byte[] ctX, byte[] pkX)
    {
        var sha3 = new Sha3Digest(256);
        foreach (var part in new[] { ssM, ssX, ctX, pkX, XWingLabel }) sha3.BlockUpdate(part, 0, part.Length);
        var shared = new byte[32];
        sha3.DoFinal(shared, 0);
        return shared;
    }

    /// <summary>HPKE's KeySchedule in base mode (no PSK): the AEAD key and the base nonce (the only nonce of a single-shot
    /// seal, sequence number 0).</summary>
    private static (byte[] Key, byte[] Nonce) KeySchedule(byte[] sharedSecret)
    {
        var pskIdHash = LabeledExtract([], "psk_id_hash", []);
        var infoHash = LabeledExtract([], "info_hash", Info);
        byte[] context = [0x00, .. pskIdHash, .. infoHash];
        var secret = LabeledExtract(sharedSecret, "secret", []);
        return (LabeledExpand(secret, "key", context, 32), LabeledExpand(secret, "base_nonce", context, 12));
    }

    private static byte[] LabeledExtract(byte[] salt, string label, byte[] ikm) =>
        HKDF.Extract(HashAlgorithmName.SHA256, [.. "HPKE-v1"u8, .. SuiteId, .. Encoding.ASCII.GetBytes(label), .. ikm], salt);

    private static byte[] LabeledExpand(byte[] prk, string label, byte[] info, int length) =>
        HKDF.Expand(HashAlgorithmName.SHA256, prk, length,
            [(byte)(length >> 8), (byte)length, .. "HPKE-v1"u8, .. SuiteId, .. Encoding.ASCII.GetBytes(label), .. info]);
}
