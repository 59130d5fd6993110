namespace Jaga.Core.Conditions;

/// <summary>The value one side of a condition resolved to, or why it is absent, and how to show it.</summary>
/// <param name="Value">The text compared; null when absent.</param>
/// <param name="Absent">Why there is no value (e.g. "body is not JSON"); null when there is one.</param>
/// <param name="Shown">How the value reads in a reason (<c>812 ms</c> for a response time); the value when null.</param>
internal readonly record struct ObservedValue(string? Value, string? Absent, string? Shown = null)
{
    private const int Longest = 80;

    public static ObservedValue Of(string value, string? shown = null) => new(value, null, shown);

    public static ObservedValue Missing(string why) => new(null, why);

    public string Display => Absent is not null ? $"absent ({Absent})" : Shorten(Shown ?? Value!);

    private static string Shorten(string text)
    {
        if (text.Length == 0) return "empty";
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= Longest ? line : string.Concat(line.AsSpan(0, Longest), "…");
    }
}
