namespace Jaga.Dashboard.Monitoring;

/// <summary>Which slice of a long list a page shows: page <see cref="Number"/> of <see cref="Count"/> (both from 1).</summary>
public sealed record PageOf(int Number, int Count)
{
    /// <summary>Checks listed on one page of /monitoring and /status: with 500 checks, one page holding all of them would be
    /// megabytes of SVG, so each shows this many, those down first.</summary>
    public const int Checks = 25;

    public static readonly PageOf Single = new(1, 1);

    /// <summary>Page <paramref name="asked"/> of a list of <paramref name="items"/>: the last page when it asks beyond it.</summary>
    public static PageOf For(int asked, int items, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var count = Math.Max(1, items / size + (items % size == 0 ? 0 : 1));
        return new PageOf(Math.Clamp(asked, 1, count), count);
    }

    public int Skip(int size) => (Number - 1) * size;

    /// <summary>The page number a query asks for: 1 when it names none, null when it is not a whole number from 1.</summary>
    public static int? Parse(string? text) =>
        text is null ? 1
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : null;
}
