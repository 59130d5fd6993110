namespace Jaga.Core.Migration.Import;

/// <summary>Maps a CSV record number to the line of the file it starts on: a quoted value may hold line breaks, so the
/// tenth record can start on the twelfth line.</summary>
public static class CsvRecords
{
    /// <summary>The 1-based line of <paramref name="csv"/> on which record <paramref name="record"/> starts (the header
    /// is record 1, on line 1); the last line when the file has fewer records (an unterminated quote runs to the end).</summary>
    public static long LineOf(Stream csv, long record)
    {
        ArgumentNullException.ThrowIfNull(csv);
        long line = 1, current = 1;
        var quoted = false;
        var atRecordEnd = false;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = csv.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (atRecordEnd)
                {
                    // The record that ended is followed by more text: the next record starts here.
                    atRecordEnd = false;
                    if (++current == record) return line;
                }
                if (b == (byte)'"') quoted = !quoted;
                else if (b == (byte)'\n')
                {
                    line++;
                    if (!quoted) atRecordEnd = true;
                }
            }
        }
        return record <= 1 ? 1 : Math.Max(1, atRecordEnd ? line - 1 : line);
    }
}
