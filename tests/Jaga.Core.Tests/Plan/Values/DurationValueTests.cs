using FsCheck;
using FsCheck.Xunit;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Tests.Plan.Values;

public sealed class DurationValueTests
{
    [Theory]
    [InlineData("500ms", 0, 0, 0, 0, 500)]
    [InlineData("30s", 0, 0, 0, 30, 0)]
    [InlineData("5m", 0, 0, 5, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0, 0)]
    [InlineData("30d", 30, 0, 0, 0, 0)]
    [InlineData("2w", 14, 0, 0, 0, 0)]
    [InlineData("1d2h3m4s5ms", 1, 2, 3, 4, 5)]
    [InlineData("  90s  ", 0, 0, 1, 30, 0)]
    public void Parses_the_units_users_write(string text, int days, int hours, int minutes, int seconds, int milliseconds)
    {
        Assert.True(DurationValue.TryParse(text, out var value));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds, milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5 minutes")]
    [InlineData("5 m")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("5M")]
    [InlineData("0s")]
    [InlineData("0ms0s")]
    [InlineData("2000000w")]
    public void Refuses_what_is_not_a_positive_duration(string text)
    {
        Assert.False(DurationValue.TryParse(text, out _));
    }

    [Theory]
    [InlineData("99999999999999999999ms")]
    [InlineData("1000000w1000000w")]
    public void Refuses_durations_too_long_for_a_timespan_without_throwing(string text)
    {
        Assert.False(DurationValue.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 250, "250ms")]
    [InlineData(0, 0, 0, 30, 0, "30s")]
    [InlineData(0, 1, 30, 0, 0, "1h30m")]
    [InlineData(30, 0, 0, 0, 0, "30d")]
    [InlineData(1, 0, 0, 5, 0, "1d5s")]
    public void Formats_as_users_write_it(int days, int hours, int minutes, int seconds, int milliseconds, string expected)
    {
        Assert.Equal(expected, DurationValue.Format(new TimeSpan(days, hours, minutes, seconds, milliseconds)));
    }

    [Property]
    public bool Whole_seconds_survive_format_then_parse(PositiveInt seconds)
    {
        var value = TimeSpan.FromSeconds(seconds.Get);
        return DurationValue.TryParse(DurationValue.Format(value), out var back) && back == value;
    }

    [Property]
    public bool Milliseconds_under_a_second_survive_format_then_parse(PositiveInt milliseconds)
    {
        var value = TimeSpan.FromMilliseconds((milliseconds.Get % 999) + 1);
        return DurationValue.TryParse(DurationValue.Format(value), out var back) && back == value;
    }
}
