using System.Globalization;

namespace Jaga.Core.Monitoring;

/// <summary>One performance datum of a Nagios plugin.</summary>
/// <param name="Label">The label, unquoted.</param>
/// <param name="Value">The value as written (a number, or <c>U</c> when the plugin could not measure it).</param>
/// <param name="Unit">The unit of measure (<c>s</c>, <c>%</c>, <c>B</c>, <c>KB</c>, <c>MB</c>, <c>c</c>, …) or empty.</param>
/// <param name="Warning">The warning range, or empty.</param>
/// <param name="Critical">The critical range, or empty.</param>
/// <param name="Min">The minimum, or empty.</param>
/// <param name="Max">The maximum, or empty.</param>
public sealed record PerformanceDatum(string Label, string Value, string Unit, string Warning, string Critical, string Min, string Max)
{
    public static bool TryParse(string label, string text, out PerformanceDatum? datum)
    {
        datum = null;
        var fields = text.Split(';');
        var first = fields[0];
        var end = 0;
        while (end < first.Length && (char.IsAsciiDigit(first[end]) || first[end] is '-' or '+' or '.' or 'e' or 'E')) end++;
        // An exponent marker must not swallow a unit that starts with 'e' — back off while the number does not parse.
        while (end > 0 && !double.TryParse(first[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out _)) end--;
        string value, unit;
        if (end == 0)
        {
            if (!first.StartsWith('U')) return false;
            (value, unit) = ("U", "");
        }
        else
        {
            (value, unit) = (first[..end], first[end..]);
        }
        string At(int n) => fields.Length > n ? fields[n] : "";
        datum = new PerformanceDatum(label, value, unit, At(1), At(2), At(3), At(4));
        return true;
    }
}
