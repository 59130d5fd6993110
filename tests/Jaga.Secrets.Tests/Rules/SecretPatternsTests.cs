using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

/// <summary>RE2 spellings .NET does not share, rewritten; RE2's ASCII classes kept ASCII.</summary>
public sealed class SecretPatternsTests
{
    [Theory]
    [InlineData("(?P<key>a)", "(?<key>a)")]
    [InlineData("[[:alnum:]_]", "[0-9A-Za-z_]")]
    [InlineData(@"\Qa.b\E", @"a\.b")]
    [InlineData(@"\x{41}", @"\u0041")]
    [InlineData(@"\d", "[0-9]")]
    [InlineData(@"[\w.-]", "[0-9A-Za-z_.-]")]
    [InlineData(@"[]a]", @"[\]a]")]
    [InlineData(@"\\d", @"\\d")]
    public void RE2_spellings_become_dotnet_ones(string re2, string dotnet) => Assert.Equal(dotnet, SecretPatterns.Translate(re2));

    [Fact]
    public void Classes_stay_ASCII_as_in_RE2()
    {
        Assert.DoesNotMatch(SecretPatterns.Compile(@"^\d+$"), "١٢٣");
        Assert.DoesNotMatch(SecretPatterns.Compile(@"^\w+$"), "é");
        Assert.Matches(SecretPatterns.Compile(@"^\w+$"), "a_1");
    }

    [Theory]
    [InlineData("(?U)a+")]
    [InlineData(@"\x{1F600}")]
    [InlineData("a(?<=b)")]
    public void What_neither_engine_runs_alike_is_refused(string re2) => Assert.Throws<FormatException>(() => SecretPatterns.Compile(re2));

    [Fact]
    public void A_hostile_text_takes_linear_time()
    {
        // A pattern that backtracks exponentially in a backtracking engine; non-backtracking matching stays fast.
        var regex = SecretPatterns.Compile("(a+)+b");
        var text = new string('a', 100_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.DoesNotMatch(regex, text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
