using System.Globalization;
using System.Text;

namespace Jaga.Core.Charts;

/// <summary>What every chart writes the same way: text escaped for XML (content and attribute values), numbers in the
/// invariant culture with at most two decimals, and element ids reduced to letters, digits and dashes.</summary>
public static class SvgText
{
    /// <summary><paramref name="text"/> safe inside an element or a double- or single-quoted attribute: the five XML
    /// specials escaped, and characters XML 1.0 cannot hold (control characters, lone surrogates) dropped.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var b = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': b.Append("&amp;"); break;
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '"': b.Append("&quot;"); break;
                case '\'': b.Append("&#39;"); break;
                case '\t' or '\n' or '\r': b.Append(' '); break;
                case < ' ' or '\uFFFE' or '\uFFFF': break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) b.Append(c).Append(text[++i]);
                    else if (!char.IsSurrogate(c)) b.Append(c);
                    break;
            }
        }
        return b.ToString();
    }

    /// <summary>A coordinate or size: invariant, at most two decimals, no exponent, no "-0".</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>An element id from a caller's name: lower-case letters, digits and dashes only, never empty.</summary>
    public static string Id(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var b = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
            b.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        var id = b.ToString().Trim('-');
        return id.Length == 0 || char.IsDigit(id[0]) ? "c-" + id : id;
    }
}
