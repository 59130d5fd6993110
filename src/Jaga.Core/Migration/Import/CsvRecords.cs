namespace Jaga.Core.Migration.Import;

/// <summary>Finds the line a CSV record starts on from the line PostgreSQL's COPY names. COPY counts the file's lines,
/// line breaks inside quoted values included, and names the line where it finished reading the record: for a record whose
/// values hold line breaks that is its last line, not its first.</summary>
public static class CsvRecords
{
    /// <summary>The 1-based line on which the record that takes in line <paramref name="line"/> of <paramref name="csv"/>
    /// starts (the header is line 1); for a line past the end (an unterminated quote runs to it), the last record's.</summary>
    public static long StartOf(Stream csv, long line)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long current = 1, start = 1, lastStart = 1;
        var quoted = false;
        var empty = true;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = csv.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b == (byte)'"') quoted = !quoted;
                if (b != (byte)'\n')
                {
                    empty = false;
                    continue;
                }
                if (!quoted)
                {
                    // The record ends on this line.
                    if (current >= line) return start;
                    lastStart = start;
                    start = current + 1;
                    empty = true;
                }
                current++;
            }
        }
        return empty ? lastStart : start;
    }
}
