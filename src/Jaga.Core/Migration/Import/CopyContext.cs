using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Migration.Import;

/// <summary>Where in its input PostgreSQL's COPY failed, read from the error's context line
/// (<c>COPY orders, line 3, column total: "abc"</c>).</summary>
/// <param name="Line">COPY's line: the file's line (line breaks inside quoted values counted, the header as line 1) where
/// it finished reading the refused record, which is its last line when its values hold line breaks;
/// <see cref="CsvRecords.StartOf"/> finds its first.</param>
/// <param name="Column">The column named, or null when the error is about the whole row (an extra value, an
/// unterminated quote).</param>
public sealed partial record CopyContext(long Line, string? Column)
{
    /// <summary>Reads the first line of <paramref name="where"/>; null when it is not a COPY context.</summary>
    public static CopyContext? Parse(string? where)
    {
        if (where is null) return null;
        var first = where.Split('\n')[0];
        var m = Pattern().Match(first);
        if (!m.Success) return null;
        var line = long.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
        return new CopyContext(line, m.Groups["column"].Success ? m.Groups["column"].Value : null);
    }

    [GeneratedRegex(@"^COPY .+?, line (?<line>\d+)(, column (?<column>[^:]+?))?(:.*)?$")]
    private static partial Regex Pattern();
}
