using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

public sealed class EntropyAndMaskTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("aaaa", 0)]
    [InlineData("ab", 1)]
    [InlineData("abcd", 2)]
    [InlineData("password", 2.75)]
    public void Entropy_is_Shannons_in_bits_per_character(string text, double expected) =>
        Assert.Equal(expected, ShannonEntropy.Of(text), precision: 2);

    [Fact]
    public void A_random_token_has_more_entropy_than_a_word() =>
        Assert.True(ShannonEntropy.Of(Fake.Chars(40)) > 4.5);

    [Theory]
    [InlineData("hunter2", "h…(7)")]
    [InlineData("abc", "…(3)")]
    [InlineData("", "…(0)")]
    [InlineData("sk_l" + "ive_0123456789abcdef", "sk_l…(24)")]
    public void A_mask_shows_at_most_four_characters_and_never_more_than_a_quarter(string secret, string masked) =>
        Assert.Equal(masked, SecretMask.Of(secret));

    [Fact]
    public void An_entropy_threshold_drops_a_secret_at_or_below_it()
    {
        var low = new SecretRule("low", "low", SecretPatterns.Compile("key=([a-z]+)"), 0, 2.0, [], null, []);
        var scanner = new SecretScanner(new SecretRuleSet([low], [], "test"));
        Assert.Empty(scanner.Scan("f", "key=abababab"));
        Assert.Single(scanner.Scan("f", "key=abcdefgh"));
    }
}
