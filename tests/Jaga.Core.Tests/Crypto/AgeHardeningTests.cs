using System.Security.Cryptography;
using Jaga.Core.Crypto;

namespace Jaga.Core.Tests.Crypto;

/// <summary>What a hostile tester found in Jaga's age: a failed stream that went on, a work factor that overflowed,
/// identities the reference refuses.</summary>
public sealed class AgeHardeningTests
{
    public static TheoryData<string> Damages() => ["flipped byte in the second chunk", "cut inside the second chunk", "cut after the first chunk", "data after the end"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void After_a_decryption_error_every_later_read_fails_the_same_way(string damage)
    {
        var (identity, recipient) = AgeKeys.Generate();
        var cipher = AgeBytes.Encrypt(RandomNumberGenerator.GetBytes(200_000), s => Age.EncryptTo(s, [recipient]));
        var headerAndNonce = cipher.Length - (200_000 + (4 * 16));
        var damaged = damage switch
        {
            "flipped byte in the second chunk" => Flip(cipher, headerAndNonce + 65_536 + 16 + 100),
            "cut inside the second chunk" => cipher[..(headerAndNonce + 65_552 + 30_000)],
            "cut after the first chunk" => cipher[..(headerAndNonce + 65_552)],
            _ => [.. cipher, 0x42],
        };
        using var plain = Age.DecryptFrom(new MemoryStream(damaged), [identity]);
        var buffer = new byte[100_000];
        var first = Assert.Throws<AgeException>(() =>
        {
            while (plain.Read(buffer) > 0)
            {
            }
        });
        Assert.Equal(AgeFailure.Payload, first.Failure);
        foreach (var size in new[] { 1, 4096, 65_536, 100_000, 0 })
        {
            var again = Assert.Throws<AgeException>(() => plain.Read(buffer, 0, size));
            Assert.Equal(AgeFailure.Payload, again.Failure);
            Assert.Equal(first.Message, again.Message);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(-1)]
    public void A_work_factor_outside_ages_range_is_refused_clearly(int workFactor)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Age.EncryptTo(new MemoryStream(), "sandi", workFactor));
        Assert.Equal("workFactor", e.ParamName);
        Assert.Contains("between 1 and 30", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_in_lower_case_is_refused_as_the_reference_refuses_it()
    {
        var (identity, recipient) = AgeKeys.Generate();
        var cipher = AgeBytes.Encrypt([1, 2, 3], s => Age.EncryptTo(s, [recipient]));
        Assert.False(AgeKeys.TryParseIdentity(identity.ToLowerInvariant(), out _));
        var e = Assert.Throws<AgeException>(() => AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [identity.ToLowerInvariant()])));
        Assert.Contains("upper case", e.Message, StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], AgeBytes.Decrypt(cipher, s => Age.DecryptFrom(s, [identity])));
    }

    private static byte[] Flip(byte[] data, int at)
    {
        var copy = (byte[])data.Clone();
        copy[at] ^= 1;
        return copy;
    }
}
