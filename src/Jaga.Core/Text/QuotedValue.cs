using System.Text.RegularExpressions;

namespace Jaga.Core.Text;

/// <summary>Values quoted back in messages, cut to a readable length: an error about a 10 MB value names its start and its
/// length, not all of it.</summary>
public static partial class QuotedValue
{
    /// <summary>How many characters of a long value a message shows.</summary>
    public const int Shown = 80;

    /// <summary>Longer than this, a whole message is cut too (a long value with a quote inside it).</summary>
    private const int MessageLimit = 2000;

    /// <summary>The value itself when short; else its first <see cref="Shown"/> characters, "…", and its length.</summary>
    public static string Shorten(string value)
    {
        if (value.Length <= Shown) return value;
        var cut = char.IsHighSurrogate(value[Shown - 1]) ? Shown - 1 : Shown;
        return $"{value[..cut]}… ({value.Length} characters)";
    }

    /// <summary>Shortens every <c>'quoted'</c> value in <paramref name="message"/>, and the message itself if still too long.</summary>
    public static string ShortenIn(string message)
    {
        if (message.Length <= Shown) return message;
        var shortened = Quoted().Replace(message, m => m.Groups[1].Length <= Shown ? m.Value : $"'{Shorten(m.Groups[1].Value)}'");
        return shortened.Length <= MessageLimit ? shortened : Shorten(shortened);
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
