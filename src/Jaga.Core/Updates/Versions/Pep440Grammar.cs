using System.Text;

namespace Jaga.Core.Updates.Versions;

/// <summary>PEP 440's version grammar with the spellings it normalizes: the regular expression of its appendix (the one
/// the <c>packaging</c> library uses), read by hand so that a version costs its own object and release array only.
/// <code>
/// v? (N!)? N(.N)* ([-_.]? (alpha|a|beta|b|preview|pre|c|rc) [-_.]? N?)? (-N | [-_.]? (post|rev|r) [-_.]? N?)?
///    ([-_.]? dev [-_.]? N?)? (+ [a-z0-9]+ ([-_.][a-z0-9]+)*)?
/// </code>
/// Scanning greedily gives the regular expression's match: no part can start with what the part before gave up
/// (a label's trailing separator is optional in the part after it too), so backtracking never finds another reading.
/// </summary>
internal static class Pep440Grammar
{
    // A number beyond this many significant digits would overflow once a bound adds 1 to it.
    private const int MaxDigits = 18;

    private static readonly string[] PreLabels = ["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"];
    private static readonly string[] PostLabels = ["post", "rev", "r"];
    private static readonly string[] DevLabel = ["dev"];

    public static Pep440Version? TryReadVersion(string text)
    {
        var s = text.AsSpan().Trim();
        // PEP 440 is ASCII: case-insensitive matching must not let in a Kelvin sign or a dotted capital I.
        if (s.IsEmpty || !Ascii.IsValid(s)) return null;
        var at = s[0] is 'v' or 'V' ? 1 : 0;

        long epoch = 0;
        var digits = Digits(s, at);
        if (digits > 0 && at + digits < s.Length && s[at + digits] == '!')
        {
            if (!TryNumber(s.Slice(at, digits), out epoch)) return null;
            at += digits + 1;
        }

        var release = Release(s, ref at);
        if (release is null) return null;

        var (preLabel, preNumber) = (-1, 0L);
        var label = Label(s, at, PreLabels, out var afterLabel);
        if (label >= 0)
        {
            // alpha is a, beta is b, and c, pre and preview are rc.
            preLabel = label switch { 0 or 1 => 0, 2 or 3 => 1, _ => 2 };
            if (!TryLabelNumber(s, ref afterLabel, out preNumber)) return null;
            at = afterLabel;
        }

        var post = -1L;
        if (at + 1 < s.Length && s[at] == '-' && Digits(s, at + 1) is > 0 and var implicitPost)
        {
            // 1.0-1 is 1.0.post1.
            if (!TryNumber(s.Slice(at + 1, implicitPost), out post)) return null;
            at += 1 + implicitPost;
        }
        else if (Label(s, at, PostLabels, out afterLabel) >= 0)
        {
            if (!TryLabelNumber(s, ref afterLabel, out post)) return null;
            at = afterLabel;
        }

        var dev = -1L;
        if (Label(s, at, DevLabel, out afterLabel) >= 0)
        {
            if (!TryLabelNumber(s, ref afterLabel, out dev)) return null;
            at = afterLabel;
        }

        string[]? local = null;
        if (at < s.Length && s[at] == '+')
        {
            local = LocalSegments(s[(at + 1)..]);
            if (local is null) return null;
            at = s.Length;
        }

        return at == s.Length ? new Pep440Version(text, epoch, release, preLabel, preNumber, post, dev, local) : null;
    }

    // N(.N)*: a dot belongs to the release only when a digit follows it.
    private static long[]? Release(ReadOnlySpan<char> s, ref int at)
    {
        var end = at + Digits(s, at);
        if (end == at) return null;
        var count = 1;
        while (end + 1 < s.Length && s[end] == '.' && Digits(s, end + 1) is > 0 and var more)
        {
            end += 1 + more;
            count++;
        }
        var release = new long[count];
        var index = 0;
        foreach (var range in s[at..end].Split('.'))
        {
            if (!TryNumber(s[at..end][range], out release[index++])) return null;
        }
        at = end;
        return release;
    }

    // [-_.]? label, case-insensitive, the first of labels that fits (the order of the regular expression's
    // alternatives); -1 when none does.
    private static int Label(ReadOnlySpan<char> s, int at, string[] labels, out int after)
    {
        var start = at < s.Length && IsSeparator(s[at]) ? at + 1 : at;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (s.Length - start >= label.Length && s.Slice(start, label.Length).Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                after = start + label.Length;
                return i;
            }
        }
        after = at;
        return -1;
    }

    // [-_.]? N? after a label; a label without its number means 0 (1.0a is 1.0a0, 1.0.post is 1.0.post0).
    private static bool TryLabelNumber(ReadOnlySpan<char> s, ref int at, out long value)
    {
        if (at < s.Length && IsSeparator(s[at])) at++;
        var digits = Digits(s, at);
        value = 0;
        if (digits == 0) return true;
        at += digits;
        return TryNumber(s.Slice(at - digits, digits), out value);
    }

    // [a-z0-9]+ ([-_.][a-z0-9]+)*, lower-cased; a numeric segment loses its leading zeros (packaging reads it as an
    // integer: 00 is 0).
    private static string[]? LocalSegments(ReadOnlySpan<char> written)
    {
        var count = 1;
        for (var i = 0; i < written.Length; i++)
        {
            if (IsSeparator(written[i]))
            {
                if (i == 0 || i == written.Length - 1 || IsSeparator(written[i - 1])) return null;
                count++;
            }
            else if (!char.IsAsciiLetterOrDigit(written[i])) return null;
        }
        if (written.IsEmpty) return null;

        var segments = new string[count];
        var index = 0;
        foreach (var range in written.SplitAny("-_."))
        {
            var segment = written[range];
            var digits = segment.TrimStart('0');
            segments[index++] = !segment.ContainsAnyExceptInRange('0', '9') ? (digits.IsEmpty ? "0" : digits.ToString())
                : segment.ToString().ToLowerInvariant();
        }
        return segments;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or '.';

    private static int Digits(ReadOnlySpan<char> s, int at)
    {
        var end = at;
        while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
        return end - at;
    }

    private static bool TryNumber(ReadOnlySpan<char> digits, out long value)
    {
        digits = digits.TrimStart('0');
        value = 0;
        if (digits.Length > MaxDigits) return false;
        foreach (var digit in digits) value = (value * 10) + (digit - '0');
        return true;
    }
}
