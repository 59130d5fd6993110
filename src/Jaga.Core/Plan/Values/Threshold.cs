using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Plan.Values;

/// <summary>A percent threshold such as <c>&lt; 90%</c>: the condition that means healthy.</summary>
public sealed partial record Threshold(string Operator, double Percent)
{
    public const string Help = "write a comparison and a percentage, e.g. \"< 90%\"";

    public static bool TryParse(string text, out Threshold? threshold)
    {
        threshold = null;
        var m = Shape().Match(text.Trim());
        if (!m.Success) return false;
        var percent = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (percent > 100) return false;
        threshold = new Threshold(m.Groups[1].Value, percent);
        return true;
    }

    /// <summary>True when the observed percentage satisfies the threshold.</summary>
    public bool IsMet(double observed) => Operator switch
    {
        "<" => observed < Percent,
        "<=" => observed <= Percent,
        ">" => observed > Percent,
        _ => observed >= Percent,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Operator} {Percent}%");

    [GeneratedRegex(@"^(<=|>=|<|>)\s*(\d+(?:\.\d+)?)\s*%$")]
    private static partial Regex Shape();
}
