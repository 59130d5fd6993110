using System.Globalization;

namespace Jaga.Core.Charts;

/// <summary>An axis of round values: ticks a step of 1, 2 or 5 times a power of ten apart, from a tick at or below the
/// smallest value to one at or above the largest. A scale of values that are never negative starts at zero.</summary>
public sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(IEnumerable<double> values, int ticks = 5)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, 2);
        var list = values.Where(double.IsFinite).ToList();
        var min = list.Count == 0 ? 0 : Math.Min(0, list.Min());
        var max = list.Count == 0 ? 1 : list.Max();
        if (max <= min) max = min + (min == 0 ? 1 : Math.Abs(min));
        var rough = (max - min) / (ticks - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var n = rough / magnitude;
        var step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude;
        var decimals = Decimals(step);
        return new NiceScale(Math.Round(Math.Floor(min / step) * step, decimals), Math.Round(Math.Ceiling(max / step) * step, decimals), step);
    }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>, rounded to the step's decimals.</summary>
    public IReadOnlyList<double> Ticks()
    {
        var decimals = Decimals(Step);
        var count = (int)Math.Round((Max - Min) / Step);
        return [.. Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + (i * Step), decimals))];
    }

    private static int Decimals(double step) => Math.Clamp(-(int)Math.Floor(Math.Log10(step)), 0, 15);

    /// <summary>Where <paramref name="value"/> falls between <see cref="Min"/> (0) and <see cref="Max"/> (1).</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    /// <summary>A tick's label in <paramref name="unit"/>.</summary>
    public static string Label(double value, ChartUnit unit) => unit switch
    {
        ChartUnit.Number => Plain(value),
        ChartUnit.Milliseconds => Math.Abs(value) >= 1000 ? Plain(value / 1000) + " s" : Plain(value) + " ms",
        ChartUnit.Bytes => Bytes(value),
        ChartUnit.Share => Plain(value * 100) + "%",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "not a chart unit"),
    };

    private static string Plain(double v) => (Math.Round(v, 2) == 0 ? 0 : Math.Round(v, 2)).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Decimal units (1 kB = 1,000 B), so the round ticks of a byte axis read as round labels.</summary>
    private static string Bytes(double v)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB", "PB"];
        var i = 0;
        while (Math.Abs(v) >= 1000 && i < units.Length - 1)
        {
            v /= 1000;
            i++;
        }
        return Plain(v) + " " + units[i];
    }
}

/// <summary>What a chart's values measure, which says how its ticks are labelled.</summary>
public enum ChartUnit
{
    Number,
    Milliseconds,
    Bytes,
    Share,
}
