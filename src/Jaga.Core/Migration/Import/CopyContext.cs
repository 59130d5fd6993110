using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Core.Migration.Import;

/// <summary>Where in its input PostgreSQL's COPY failed, read from the error's context line
/// (<c>COPY orders, line 3, column total: "abc"</c>).</summary>
/// <param name="Record">COPY's "line": the number of the CSV record, the header counted as 1. It is not the file's
/// line when a value before it holds a line break; <see cref="CsvRecords.LineOf"/> finds that.</param>
/// <param name="Column">The column named, or null when the error is about the whole row (an extra value, an
/// unterminated quote).</param>
public sealed partial record CopyContext(long Record, string? Column)
{
    /// <summary>Reads the first line of <paramref name="where"/>; null when it is not a COPY context.</summary>
    public static CopyContext? Parse(string? where)
    {
        if (where is null) return null;
        var first = where.Split('\n')[0];
        var m = Pattern().Match(first);
        if (!m.Success) return null;
        var record = long.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture);
        return new CopyContext(record, m.Groups["column"].Success ? m.Groups["column"].Value : null);
    }

    [GeneratedRegex(@"^COPY .+?, line (?<line>\d+)(, column (?<column>[^:]+?))?(:.*)?$")]
    private static partial Regex Pattern();
}
