using System.Globalization;
using Jaga.Core.Plan.Values;

namespace Jaga.Core.Conditions;

/// <summary>Gatus's comparison rules: numbers when both sides are numbers, else text; durations count as milliseconds
/// when ordering; <c>pat()</c> and <c>any()</c> for == and != (the caller passes the other side as
/// <c>left</c>).</summary>
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
            return match.Accepts(left);
        return Number(left) is { } a && Number(right) is { } b ? a == b : string.Equals(left, right, StringComparison.Ordinal);
    }

    /// <summary>A decimal number (<c>12</c>, <c>-0.5</c>, <c>1e3</c>) or, as Gatus reads them, an integer written in hex,
    /// octal or binary (<c>0x1F</c>, <c>0o17</c>, <c>0b101</c>, with an optional sign).</summary>
    internal static double? Number(string text)
    {
        var t = text.Trim();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
        var negative = t.StartsWith('-');
        var digits = t.StartsWith('-') || t.StartsWith('+') ? t[1..] : t;
        if (digits.Length < 3 || digits[0] != '0') return null;
        var radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 0 };
        if (radix == 0) return null;
        var value = 0UL;
        foreach (var c in digits.AsSpan(2))
        {
            var d = HexDigit(c);
            if (d < 0 || d >= radix || value > (ulong.MaxValue - (ulong)d) / (ulong)radix) return null;
            value = value * (ulong)radix + (ulong)d;
        }
        return negative ? -(double)value : value;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>A number, a duration in milliseconds (<c>48h</c>, <c>7d</c>, <c>500ms</c>), or a percentage without its sign.</summary>
    internal static double? Magnitude(string text)
    {
        var t = text.Trim();
        if (Number(t) is { } n) return n;
        if (DurationValue.TryParse(t, out var d)) return d.TotalMilliseconds;
        return t.EndsWith('%') ? Number(t[..^1]) : null;
    }

    /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> (see <see cref="MatchPattern"/>); a
    /// malformed pattern matches nothing (the parser refuses one in a condition).</summary>
    public static bool Pattern(string pattern, string text) => MatchPattern.TryRead(pattern, out _) is { } p && p.Matches(text);
}
