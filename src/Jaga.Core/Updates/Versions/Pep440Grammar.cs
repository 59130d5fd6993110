using System.Text;
using System.Text.RegularExpressions;

namespace Jaga.Core.Updates.Versions;

/// <summary>PEP 440's version grammar with the spellings it normalizes (its appendix's regular expression, the one the
/// <c>packaging</c> library uses).</summary>
internal static partial class Pep440Grammar
{
    // A number beyond this many significant digits would overflow once a bound adds 1 to it.
    private const int MaxDigits = 18;

    public static Pep440Version? TryReadVersion(string text)
    {
        var trimmed = text.Trim();
        // Case-insensitive [a-z] also matches letters such as the Kelvin sign or a dotted capital I: PEP 440 is ASCII.
        if (!Ascii.IsValid(trimmed)) return null;
        var match = Version().Match(trimmed);
        if (!match.Success) return null;

        long epoch = 0;
        if (match.Groups["epoch"] is { Success: true } e && !TryNumber(e.ValueSpan, out epoch)) return null;

        var releaseText = match.Groups["release"].ValueSpan;
        var release = new long[releaseText.Count('.') + 1];
        var index = 0;
        foreach (var range in releaseText.Split('.'))
        {
            if (!TryNumber(releaseText[range], out release[index++])) return null;
        }

        var (preLabel, preNumber) = (-1, 0L);
        if (match.Groups["pre"].Success)
        {
            preLabel = PreLabel(match.Groups["prel"].ValueSpan);
            if (!TryOptionalNumber(match.Groups["pren"], out preNumber)) return null;
        }

        var post = -1L;
        if (match.Groups["post"].Success)
        {
            var number = match.Groups["postn1"].Success ? match.Groups["postn1"] : match.Groups["postn2"];
            if (!TryOptionalNumber(number, out post)) return null;
        }

        var dev = -1L;
        if (match.Groups["dev"].Success && !TryOptionalNumber(match.Groups["devn"], out dev)) return null;

        string[]? local = null;
        if (match.Groups["local"] is { Success: true } written) local = LocalSegments(written.Value);

        return new Pep440Version(text, epoch, release, preLabel, preNumber, post, dev, local);
    }

    // PEP 440's alternative spellings: alpha is a, beta is b, and c, pre and preview are rc.
    private static int PreLabel(ReadOnlySpan<char> label) =>
        label.Equals("a", StringComparison.OrdinalIgnoreCase) || label.Equals("alpha", StringComparison.OrdinalIgnoreCase) ? 0
        : label.Equals("b", StringComparison.OrdinalIgnoreCase) || label.Equals("beta", StringComparison.OrdinalIgnoreCase) ? 1
        : 2;

    private static string[] LocalSegments(string written)
    {
        var segments = written.ToLowerInvariant().Split(['.', '-', '_']);
        for (var i = 0; i < segments.Length; i++)
        {
            // packaging reads a numeric segment as an integer: 00 is 0.
            if (Pep440Version.IsNumber(segments[i]))
            {
                var digits = segments[i].TrimStart('0');
                segments[i] = digits.Length == 0 ? "0" : digits;
            }
        }
        return segments;
    }

    // A label written without its number means 0 (1.0a is 1.0a0, 1.0.post is 1.0.post0).
    private static bool TryOptionalNumber(Group group, out long value)
    {
        value = 0;
        return !group.Success || TryNumber(group.ValueSpan, out value);
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out long value)
    {
        digits = digits.TrimStart('0');
        value = 0;
        if (digits.Length > MaxDigits) return false;
        foreach (var digit in digits) value = (value * 10) + (digit - '0');
        return true;
    }

    [GeneratedRegex(
        @"\Av?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
        @"(?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?" +
        @"(?<post>-(?<postn1>[0-9]+)|[-_.]?(?:post|rev|r)[-_.]?(?<postn2>[0-9]+)?)?" +
        @"(?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?" +
        @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Version();
}
