namespace Jaga.Core.Updates.Manifests;

/// <summary>Where the lines of a manifest's text start, so a parser's line and column, or a character offset, can be turned
/// into the other. A line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as XML and TOML count them.</summary>
internal sealed class TextLines
{
    private readonly List<int> starts = [0];

    public TextLines(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line of a character offset.</summary>
    public int LineOf(int offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>The offset of a 1-based line and column.</summary>
    public int OffsetOf(int line, int column) => starts[line - 1] + column - 1;
}
