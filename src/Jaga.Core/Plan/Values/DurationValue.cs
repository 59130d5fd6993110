using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Plan.Values;

/// <summary>Durations as users write them: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>30d</c>, <c>2w</c>.</summary>
public static partial class DurationValue
{
    public const string Help = "write a number and a unit (ms, s, m, h, d, w), e.g. 30s, 5m, 1h30m, 30d";

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim();
        if (s.Length == 0 || !Shape().IsMatch(s)) return false;
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Part().Matches(s))
        {
            // "1h1h" is a slip, not 2h: each unit is written once.
            if (!units.Add(m.Groups[2].Value)) return false;
            if (!long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
            var unit = m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                "d" => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            if (n > (TimeSpan.MaxValue - value).Ticks / unit.Ticks) return false;
            value += unit * n;
        }
        return value > TimeSpan.Zero;
    }

    /// <summary>Written as a duration (<c>99999999d</c>), whether or not it fits: tells a duration too long to represent
    /// from text that is no duration at all.</summary>
    public static bool IsWritten(string text) => Shape().IsMatch(text.Trim());

    public static string Format(TimeSpan value)
    {
        if (value.TotalMilliseconds < 1000) return $"{value.TotalMilliseconds:0}ms";
        var parts = new List<string>();
        if (value.Days > 0) parts.Add($"{value.Days}d");
        if (value.Hours > 0) parts.Add($"{value.Hours}h");
        if (value.Minutes > 0) parts.Add($"{value.Minutes}m");
        if (value.Seconds > 0) parts.Add($"{value.Seconds}s");
        return string.Concat(parts);
    }

    [GeneratedRegex(@"^(\d+(ms|s|m|h|d|w))+$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"(\d+)(ms|s|m|h|d|w)")]
    private static partial Regex Part();
}
