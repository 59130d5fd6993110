using System.Security.Cryptography;
using Jaga.Core.Crypto;

namespace Jaga.Core.Tests.Crypto;

/// <summary>C2SP's age conformance suite (the 143 vectors of cctv-age 0.2.0, in Vectors/testdata, the post-quantum ones
/// included): every vector gives the outcome the reference gives, and what Jaga released before any failure is exactly the
/// plaintext the vector expects.</summary>
public sealed class AgeConformanceTests
{
    public static TheoryData<string> Vectors() => [.. AgeVector.Names()];

    /// <summary>The post-quantum hybrid vectors (mlkem768x25519 stanzas, AGE-SECRET-KEY-PQ-1 identities): the 18 named hybrid…,
    /// and their armored one.</summary>
    private static readonly string[] PostQuantum =
    [
        "armor_hybrid", "hybrid", "hybrid_and_x25519", "hybrid_bad_tag", "hybrid_currupted_enc_mlkem", "hybrid_currupted_enc_x25519",
        "hybrid_extra_argument", "hybrid_grease", "hybrid_identity", "hybrid_long_file_key", "hybrid_long_share", "hybrid_low_order",
        "hybrid_multiple_recipients", "hybrid_no_match", "hybrid_not_canonical_body", "hybrid_not_canonical_enc", "hybrid_short_share",
        "hybrid_uppercase", "hybrid_x25519_arg",
    ];

    [Fact]
    public void The_suite_is_complete_and_its_post_quantum_vectors_are_all_run()
    {
        var names = AgeVector.Names().ToList();
        Assert.Equal(143, names.Count);
        Assert.Equal(33, names.Count(n => AgeVector.Load(n).Armored));
        Assert.Equal(18, names.Count(n => n.StartsWith("hybrid", StringComparison.Ordinal)));
        // Exactly these vectors carry a post-quantum identity, and every one of them is run by the theory below.
        Assert.Equal(PostQuantum, names.Where(n => AgeVector.Load(n).Identities.Any(i => i.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal))));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_gives_the_expected_outcome_and_releases_the_expected_plaintext(string name)
    {
        var vector = AgeVector.Load(name);
        var released = new MemoryStream();
        var failure = Decrypt(vector, released);
        Assert.Equal(Expected(vector.Expect), failure);
        if (vector.PayloadSha256 is { } hash) Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(released.ToArray())));
        else Assert.Equal(0, released.Length);
    }

    /// <summary>Decrypts as a user of Jaga would, copying whatever the stream releases into <paramref name="released"/>;
    /// returns the kind of failure, or null on success.</summary>
    private static AgeFailure? Decrypt(AgeVector vector, MemoryStream released)
    {
        // Armored vectors are opened as armored (as age's own test kit does); the others through detection, which
        // proves detection does not take a binary file for an armored one.
        bool? armored = vector.Armored ? true : null;
        try
        {
            if (vector.Identities.Count == 0 && vector.Passphrases.Count > 0)
            {
                // As age tries each passphrase identity in turn: a no-match moves on to the next.
                for (var i = 0; ; i++)
                {
                    try
                    {
                        Copy(Age.DecryptFrom(new MemoryStream(vector.File), vector.Passphrases[i], armored: armored), released);
                        return null;
                    }
                    catch (AgeException e) when (e.Failure == AgeFailure.NoMatch && i + 1 < vector.Passphrases.Count)
                    {
                    }
                }
            }
            var identities = vector.Identities.Count > 0 ? vector.Identities : [AgeKeys.Generate().Identity];
            Copy(Age.DecryptFrom(new MemoryStream(vector.File), identities, armored), released);
            return null;
        }
        catch (AgeException e)
        {
            return e.Failure;
        }
    }

    private static void Copy(Stream plain, MemoryStream released)
    {
        using (plain)
        {
            var buffer = new byte[10_000];
            int n;
            while ((n = plain.Read(buffer)) > 0) released.Write(buffer, 0, n);
        }
    }

    private static AgeFailure? Expected(string expect) => expect switch
    {
        "success" => null,
        "no match" => AgeFailure.NoMatch,
        "HMAC failure" => AgeFailure.HeaderMac,
        "header failure" => AgeFailure.Header,
        "payload failure" => AgeFailure.Payload,
        "armor failure" => AgeFailure.Armor,
        _ => throw new ArgumentException($"unknown expect '{expect}'", nameof(expect)),
    };
}
