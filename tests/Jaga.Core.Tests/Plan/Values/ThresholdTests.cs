using FsCheck;
using FsCheck.Xunit;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Tests.Plan.Values;

public sealed class ThresholdTests
{
    private static Threshold Parse(string text)
    {
        Assert.True(Threshold.TryParse(text, out var threshold), text);
        return threshold!;
    }

    [Theory]
    [InlineData("< 90%", "<", 90)]
    [InlineData("<=85.5%", "<=", 85.5)]
    [InlineData(">= 10 %", ">=", 10)]
    [InlineData("> 0%", ">", 0)]
    [InlineData("< 100%", "<", 100)]
    public void Parses_a_comparison_and_a_percentage(string text, string op, double percent)
    {
        Assert.True(Threshold.TryParse(text, out var threshold));
        Assert.Equal(new Threshold(op, percent), threshold);
    }

    [Theory]
    [InlineData("90%")]
    [InlineData("< 90")]
    [InlineData("== 90%")]
    [InlineData("< -5%")]
    [InlineData("< 100.5%")]
    [InlineData("< 120%")]
    public void Refuses_what_is_not_a_percent_threshold(string text)
    {
        Assert.False(Threshold.TryParse(text, out _));
    }

    [Theory]
    [InlineData("< 90%", 89.9, true)]
    [InlineData("< 90%", 90, false)]
    [InlineData("<= 90%", 90, true)]
    [InlineData("<= 90%", 90.1, false)]
    [InlineData("> 10%", 10, false)]
    [InlineData("> 10%", 10.5, true)]
    [InlineData(">= 10%", 10, true)]
    [InlineData(">= 10%", 9.99, false)]
    public void Is_met_when_the_observed_value_satisfies_the_comparison(string text, double observed, bool met)
    {
        Assert.Equal(met, Parse(text).IsMet(observed));
    }

    [Fact]
    public void Prints_as_written_in_a_plan()
    {
        Assert.Equal("<= 85.5%", Parse("<=85.5 %").ToString());
    }

    [Property]
    public bool Below_threshold_is_met_exactly_when_the_value_is_lower(byte limit, byte observed)
    {
        var percent = limit % 101;
        return Parse($"< {percent}%").IsMet(observed) == (observed < percent);
    }
}
