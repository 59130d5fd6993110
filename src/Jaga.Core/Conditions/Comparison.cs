using System.Globalization;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Conditions;

/// <summary>Gatus's comparison rules: numbers when both sides are numbers, else text; durations count as milliseconds
/// when ordering; <c>pat()</c> and <c>any()</c> for == and !=.</summary>
internal static class Comparison
{
    public static bool Holds(string left, ConditionOperator op, string right, MatchOperand? match)
    {
        switch (op)
        {
            case ConditionOperator.Equal: return Equal(left, right, match);
            case ConditionOperator.NotEqual: return !Equal(left, right, match);
        }
        var order = Magnitude(left) is { } a && Magnitude(right) is { } b ? a.CompareTo(b) : string.CompareOrdinal(left, right);
        return op switch
        {
            ConditionOperator.Less => order < 0,
            ConditionOperator.LessOrEqual => order <= 0,
            ConditionOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static bool Equal(string left, string right, MatchOperand? match)
    {
        if (match is not null)
            return match.IsPattern ? Pattern(match.Values[0], left) : match.Values.Contains(left, StringComparer.Ordinal);
        return Number(left) is { } a && Number(right) is { } b ? a == b : string.Equals(left, right, StringComparison.Ordinal);
    }

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A number, a duration in milliseconds (<c>48h</c>, <c>7d</c>, <c>500ms</c>), or a percentage without its sign.</summary>
    private static double? Magnitude(string text)
    {
        var t = text.Trim();
        if (Number(t) is { } n) return n;
        if (DurationValue.TryParse(t, out var d)) return d.TotalMilliseconds;
        return t.EndsWith('%') ? Number(t[..^1]) : null;
    }

    /// <summary>A pattern where <c>*</c> matches any run of characters (none included) and the rest matches itself.</summary>
    public static bool Pattern(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1) return string.Equals(pattern, text, StringComparison.Ordinal);
        if (!text.StartsWith(parts[0], StringComparison.Ordinal) || !text.EndsWith(parts[^1], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        var end = text.Length - parts[^1].Length;
        if (end < at) return false;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], at, end - at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        return true;
    }
}
