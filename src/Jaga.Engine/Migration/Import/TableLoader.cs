using Jaga.Core.Messages;
using Jaga.Core.Migration.Import;

namespace Jaga.Engine.Migration.Import;

/// <summary>Carries out one table's <see cref="TableLoad"/> in the session's open transaction, and turns what PostgreSQL
/// refused into an <see cref="ImportFailedException"/> that names the CSV file's line.</summary>
internal sealed class TableLoader(IImportSession session, string folder, Catalog words)
{
    /// <summary>Runs the table's statements and its COPY; returns the rows loaded: the manifest's count, which the file's
    /// SHA-256 vouches for. The SHA-256 is computed from the bytes as they go to the COPY (the file is read once) and
    /// compared with the manifest's before anything else runs, so a file changed since the export throws
    /// <see cref="ImportFailedException"/> while its rows are still uncommitted, to be rolled back.</summary>
    public async Task<long> LoadAsync(TableLoad load, Action<long> report, IReadOnlyList<string> finished, CancellationToken ct)
    {
        foreach (var sql in load.Before) await session.ExecuteAsync(sql, ct);
        var path = Path.Combine(folder, load.Table.File);
        string actual;
        await using (var file = ExportFolder.OpenRead(path))
        using (var hashing = new HashingReadStream(file))
        {
            var length = Math.Max(1, file.Length);
            long sent = 0;
            // COPY does not say how many rows it has read: the progress estimates them from the bytes sent (in floating
            // point, since rows × bytes overflows a long for a file of some hundred GB).
            await session.CopyCsvAsync(load.Copy, hashing, n => report((long)((double)load.Table.Rows * (sent += n) / length)), ct);
            // COPY stops at the end of its data (a \. line), which may come before the end of a file that was changed.
            await hashing.DrainAsync(ct);
            actual = hashing.Hex();
        }
        if (!string.Equals(actual, load.Table.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            var reason = words.Format("reason.import.file.changed", path, load.Table.Sha256, actual);
            throw new ImportFailedException(reason, words["cli.import.changed.hint"], load.Table.Name, path, null, null, reason, finished);
        }
        foreach (var sql in load.After) await session.ExecuteAsync(sql, ct);
        foreach (var sql in load.Sequences) await session.ExecuteAsync(sql, ct);
        return load.Table.Rows;
    }

    /// <summary>The error of a refusal while loading <paramref name="load"/> (null: while emptying tables first): the file,
    /// the line where the refused record starts, the column, PostgreSQL's reason, and the tables already committed.</summary>
    public ImportFailedException Failed(TableLoad? load, TargetRefusedException refused, IReadOnlyList<string> finished)
    {
        var hint = finished.Count > 0
            ? words.Format("cli.import.finished.hint", string.Join(", ", finished))
            : words["cli.import.rolled.back.hint"];
        if (load is null)
            return new ImportFailedException(words.Format("cli.import.truncate.failed", refused.Reason), hint, "", "", null, null, refused.Reason, finished) { Detail = refused.Detail };
        var path = Path.Combine(folder, load.Table.File);
        if (CopyContext.Parse(refused.Context) is not { } at)
        {
            return new ImportFailedException(words.Format("cli.import.table.failed", load.Table.Name, refused.Reason), hint,
                load.Table.Name, path, null, null, refused.Reason, finished)
            {
                Detail = refused.Detail,
            };
        }
        long line;
        using (var file = ExportFolder.OpenRead(path)) line = CsvRecords.StartOf(file, at.Line);
        var message = at.Column is { } column
            ? words.Format("cli.import.row.failed.column", path, line, column, refused.Reason)
            : words.Format("cli.import.row.failed", path, line, refused.Reason);
        return new ImportFailedException(message, hint, load.Table.Name, path, line, at.Column, refused.Reason, finished) { Detail = refused.Detail };
    }
}
