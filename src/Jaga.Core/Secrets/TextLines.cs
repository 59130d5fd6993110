namespace Jaga.Core.Secrets;

/// <summary>Where lines start in a text, found once when the first match needs a line number: a text without a match
/// (nearly all of them) pays nothing.</summary>
internal sealed class TextLines(string text)
{
    private int[]? starts;

    /// <summary>The 1-based line and column of <paramref name="index"/>.</summary>
    public (int Line, int Column) At(int index)
    {
        starts ??= Starts(text);
        var i = Array.BinarySearch(starts, index);
        if (i < 0) i = ~i - 1;
        return (i + 1, index - starts[i] + 1);
    }

    /// <summary>The line that holds <paramref name="index"/>, without its end.</summary>
    public ReadOnlySpan<char> LineOf(int index)
    {
        var start = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var end = text.IndexOf('\n', index);
        if (end < 0) end = text.Length;
        return text.AsSpan(start, end - start).TrimEnd('\r');
    }

    private static int[] Starts(string text)
    {
        var list = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) list.Add(i + 1);
        return [.. list];
    }
}
