using System.Globalization;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Backup;

/// <summary>Restores a SQLite backup to a database file: written beside it under a temporary name, flushed to disk,
/// checked with <c>PRAGMA integrity_check</c>, and only then renamed over it, so a failed restore changes nothing.</summary>
/// <remarks>The application must not have the file open during a restore: it would go on using the replaced file.</remarks>
public sealed class SqliteRestoreTarget : IRestoreTarget
{
    private const int BufferSize = 1024 * 1024;
    private const int ShownTables = 20;

    private readonly string path;

    /// <summary>A target for the database file at <paramref name="path"/>, which need not exist yet.</summary>
    public SqliteRestoreTarget(string path) => this.path = Path.GetFullPath(path);

    public string Description => $"sqlite:{path}";

    public Task<TargetState> InspectAsync(CancellationToken ct = default) => Task.Run(() =>
    {
        if (!File.Exists(path)) return new TargetState(true, []);
        var size = new FileInfo(path).Length;
        if (size == 0) return new TargetState(true, []);
        IReadOnlyDictionary<string, long> counts;
        try
        {
            using var c = SqliteTables.Open(path, SqliteOpenMode.ReadOnly);
            counts = SqliteTables.Count(c);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_NOTADB)
        {
            // Something is there, and a restore would destroy it.
            return new TargetState(false, [$"{path}: {size.ToString("N0", CultureInfo.InvariantCulture)} bytes that are not a SQLite database"]);
        }
        var shown = counts.Take(ShownTables)
            .Select(t => $"{t.Key} ({t.Value.ToString("N0", CultureInfo.InvariantCulture)} rows)")
            .ToList();
        if (counts.Count > ShownTables) shown.Add($"… and {counts.Count - ShownTables} more tables");
        return new TargetState(counts.Count == 0, shown);
    }, ct);

    public async Task RestoreAsync(Stream plain, CancellationToken ct = default)
    {
        var dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.restore");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                await plain.CopyToAsync(file, BufferSize, ct);
                file.Flush(flushToDisk: true);
            }
            await Task.Run(() => Check(temp), ct);
            // A journal of the old file would be replayed into the new one: it goes first.
            foreach (var suffix in SqliteTables.Companions) File.Delete(path + suffix);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            SqliteTables.Delete(temp);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken ct = default) => Task.Run(() =>
    {
        var what = $"SQLite database '{path}'";
        if (!File.Exists(path)) throw new BackupSourceException($"{what} does not exist");
        try
        {
            using var c = SqliteTables.Open(path, SqliteOpenMode.ReadOnly);
            return SqliteTables.Count(c);
        }
        catch (SqliteException e) when (SqliteTables.Explain(what, e) is { } explained)
        {
            throw explained;
        }
    }, ct);

    private static void Check(string temp)
    {
        const string what = "the restored SQLite database";
        try
        {
            using var c = SqliteTables.Open(temp, SqliteOpenMode.ReadWrite);
            SqliteTables.CheckIntegrity(c, what);
        }
        catch (SqliteException e)
        {
            // Whatever SQLite says about a file it cannot check, the file is not a database to restore.
            throw SqliteTables.Explain(what, e) ?? new BackupSourceException($"{what} cannot be read: {e.Message}", e);
        }
    }
}
