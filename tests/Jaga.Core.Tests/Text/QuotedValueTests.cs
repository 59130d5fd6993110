using Jaga.Core.Text;

namespace Jaga.Core.Tests.Text;

public sealed class QuotedValueTests
{
    [Fact]
    public void A_short_value_is_shown_whole()
    {
        Assert.Equal("'abc' is not a duration", QuotedValue.ShortenIn("'abc' is not a duration"));
    }

    [Fact]
    public void A_long_value_shows_its_first_80_characters_and_its_length_and_the_rest_of_the_message_stays()
    {
        var message = $"timezone: '{new string('z', 500)}' is not a known time zone";

        Assert.Equal($"timezone: '{new string('z', 80)}… (500 characters)' is not a known time zone", QuotedValue.ShortenIn(message));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var value = new string('a', 79) + "😀" + new string('b', 100);

        Assert.Equal(new string('a', 79) + "… (181 characters)", QuotedValue.Shorten(value));
    }
}
