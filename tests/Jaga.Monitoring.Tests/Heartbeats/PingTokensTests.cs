using Jaga.Core.Plan;
using Jaga.Engine.Heartbeats;

namespace Jaga.Monitoring.Tests.Heartbeats;

/// <summary>Ping tokens: random and URL-safe when made, compared exactly (as SHA-256 hashes, so in time independent of
/// where or whether the lengths differ), and a check's name accepted as
/// its token only on a loopback address.</summary>
public sealed class PingTokensTests
{
    [Fact]
    public void New_tokens_are_128_bit_base32_and_differ_each_time()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => PingTokens.New()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[a-z2-7]{26}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        // 128 bits: the 26th letter carries the last 3 bits, so every letter position is used.
        Assert.True(tokens.Select(t => t[0]).Distinct().Count() > 10);
    }

    [Theory]
    [InlineData("b7f3c1d9e2a84f06", "b7f3c1d9e2a84f06", true)]
    [InlineData("b7f3c1d9e2a84f06", "b7f3c1d9e2a84f07", false)]
    [InlineData("b7f3c1d9e2a84f06", "b7f3c1d9e2a84f0", false)]
    [InlineData("b7f3c1d9e2a84f06", "b7f3c1d9e2a84f066", false)]
    [InlineData("b7f3c1d9e2a84f06", "", false)]
    [InlineData("nightly", "NIGHTLY", false)]
    public void Same_is_true_only_for_the_exact_token_whatever_the_lengths(string expected, string given, bool same) =>
        Assert.Equal(same, PingTokens.Same(expected, given));

    [Theory]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("127.0.0.53:8080", true)]
    [InlineData("localhost:8080", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("0.0.0.0:8080", false)]
    [InlineData("[::]:8080", false)]
    [InlineData("192.168.1.10:8080", false)]
    [InlineData("jaga.example.com:8080", false)]
    public void A_check_without_token_is_pinged_by_its_name_only_on_loopback(string listen, bool byName)
    {
        var check = new HeartbeatCheck("nightly", new Heartbeat(TimeSpan.FromHours(1), TimeSpan.FromHours(1), null),
            TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), [], [], null);
        var withToken = check with { Heartbeat = check.Heartbeat with { Token = "s3cret" } };

        Assert.Equal(byName ? "nightly" : null, check.PingToken(listen));
        Assert.Equal("s3cret", withToken.PingToken(listen));
    }
}
