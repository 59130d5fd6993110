using CsvHelper;
using Jaga.Core.Errors;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Export;

/// <summary>Writes one table to its CSV file: streamed row by row (memory bounded by one row and the writer's buffer),
/// to a temporary name, flushed to disk, then renamed, with the file's SHA-256 and the canonical content hash computed
/// on the way.</summary>
internal static class TableExport
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Separator = ',', Quoting = CsvQuoting.WhenNeeded };

    /// <summary>Writes the table; what the user should know (timestamps cut to microseconds) is added to <paramref name="warnings"/>.</summary>
    public static async Task<ManifestTable> WriteAsync(IMigrationSource source, SourceTable table, string folder, string file,
        Action<long> progress, List<string> warnings, CancellationToken ct)
    {
        var kinds = table.Columns.Select(c => PgTypes.KindOf(c.PgType)).ToArray();
        var names = table.Columns.Select(c => c.Name).ToArray();
        var keyAt = table.PrimaryKey.Select(k => Array.IndexOf(names, k)).ToArray();
        var path = Path.Combine(folder, file);
        var temporary = path + ExportFolder.TemporarySuffix;
        var content = new ContentHash();
        var texts = new string?[names.Length];
        var canonical = new string?[names.Length];
        var truncated = new long[names.Length];
        var firstTruncated = new string?[names.Length];
        string sha;
        long rows = 0;
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using var hashing = new HashingWriteStream(stream);
            await using (var csv = CsvWriter.Create(hashing, Options, leaveOpen: true))
            {
                csv.WriteHeader(names);
                await foreach (var row in source.ReadRowsAsync(table.Name, names, ct))
                {
                    rows++;
                    for (var i = 0; i < names.Length; i++)
                    {
                        texts[i] = ExportValue.Text(row[i], kinds[i], out var problem, out canonical[i]);
                        if (problem is not null) throw Loose(table.Name, names, keyAt, row, rows, names[i], problem);
                        if (ExportValue.Truncated(row[i], kinds[i]) && truncated[i]++ == 0) firstTruncated[i] = Key(names, keyAt, row, rows);
                    }
                    content.Add(canonical);
                    if (names.Length == 1 && texts[0] is null)
                    {
                        // CsvHelper writes a record whose only field is empty as "" (so it does not read as a blank line),
                        // which PostgreSQL reads as the empty string; NULL in a one-column table is the blank line itself.
                        csv.Flush();
                        hashing.Write("\r\n"u8);
                        continue;
                    }
                    foreach (var text in texts)
                    {
                        if (text is null) csv.WriteField((string?)null);
                        // PostgreSQL reads an unquoted empty field as NULL, and an unquoted \. alone on a line as the end of the data.
                        else csv.WriteField(text, text.Length == 0 || text == "\\." ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
                    }
                    // Synchronous writes: an asynchronous file write on Linux is a thread-pool hop per buffer, which
                    // cost more than the export's own work (bench/migrate, profiled with dotnet-trace).
                    csv.EndRecord();
                    if (rows % 10_000 == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        progress(rows);
                    }
                }
                csv.Flush();
            }
            hashing.Flush();
            stream.Flush(flushToDisk: true);
            sha = hashing.Hex();
        }
        File.Move(temporary, path, overwrite: true);
        progress(rows);
        for (var i = 0; i < names.Length; i++)
        {
            if (truncated[i] == 0) continue;
            warnings.Add($"table '{table.Name}', column '{names[i]}': {truncated[i]} value(s) finer than a microsecond (first at {firstTruncated[i]}) " +
                "were written cut to microseconds, the most PostgreSQL keeps; the content hash is of the values as written");
        }
        return new ManifestTable(table.Name, file, table.Columns, table.PrimaryKey, table.ForeignKeys, table.Indexes, rows, sha, content.Hex);
    }

    /// <summary>The row's key as <c>id=42</c> (or its position when the table has no primary key), for messages.</summary>
    public static string Key(IReadOnlyList<string> names, int[] keyAt, object?[] row, long position) =>
        keyAt.Length == 0 || keyAt.Any(i => i < 0)
            ? $"row {position}"
            : string.Join(", ", keyAt.Select(i => $"{names[i]}={Show(row[i])}"));

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        byte[] b => "\\x" + Convert.ToHexStringLower(b),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static UserException Loose(string table, IReadOnlyList<string> names, int[] keyAt, object?[] row, long position, string column, string problem) =>
        new($"table '{table}', {Key(names, keyAt, row, position)}, column '{column}': {problem}",
            "SQLite keeps any value in any column; fix the value in the source database (or declare the column with the type its values have), then export again");
}
