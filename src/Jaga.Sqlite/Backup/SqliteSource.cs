using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Backup;

/// <summary>Backs up a SQLite database with SQLite's online backup API: a consistent copy while the application goes on
/// writing, taken into a temporary file, counted, then streamed out and deleted.</summary>
public sealed class SqliteSource : IBackupSource
{
    private const int BufferSize = 1024 * 1024;

    private readonly string path;
    private readonly string tempDirectory;

    /// <summary>A source for the database file at <paramref name="path"/>; the copy is made in
    /// <paramref name="tempDirectory"/> (default: the system's temp folder), which needs room for one copy.</summary>
    public SqliteSource(string path, string? tempDirectory = null)
    {
        this.path = Path.GetFullPath(path);
        this.tempDirectory = tempDirectory ?? Path.GetTempPath();
    }

    public SourceKind Kind => SourceKind.Sqlite;

    public string Extension => ".db";

    public async Task<SourceSnapshot> WriteAsync(Stream output, CancellationToken ct = default)
    {
        var what = $"SQLite database '{path}'";
        // Opening a missing file read-only fails anyway; checked first for the clearer message, and so nothing is created.
        if (!File.Exists(path)) throw new BackupSourceException($"{what} does not exist");
        Directory.CreateDirectory(tempDirectory);
        var copy = Path.Combine(tempDirectory, $"jaga-sqlite-{Guid.NewGuid():N}.db");
        try
        {
            // The copy is the whole database, unencrypted: readable by this user only (SQLite gives its journal the same mode).
            if (!OperatingSystem.IsWindows())
                new FileStream(copy, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }).Dispose();
            var (version, tables) = await Task.Run(() => Copy(what, copy), ct);
            await using (var file = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
                await file.CopyToAsync(output, BufferSize, ct);
            return new SourceSnapshot(version, new Dictionary<string, string> { ["sqlite"] = version }, tables);
        }
        finally
        {
            SqliteTables.Delete(copy);
        }
    }

    private (string Version, IReadOnlyDictionary<string, long> Tables) Copy(string what, string copy)
    {
        try
        {
            using (var source = SqliteTables.Open(path, SqliteOpenMode.ReadOnly))
            using (var target = SqliteTables.Open(copy, SqliteOpenMode.ReadWriteCreate))
            {
                // One step, under one read lock: the copy is the database as of one moment.
                source.BackupDatabase(target);
            }
            using var c = SqliteTables.Open(copy, SqliteOpenMode.ReadWrite);
            using var v = c.CreateCommand();
            v.CommandText = "SELECT sqlite_version()";
            var version = (string)v.ExecuteScalar()!;
            return (version, SqliteTables.Count(c));
        }
        catch (SqliteException e) when (SqliteTables.Explain(what, e) is { } explained)
        {
            throw explained;
        }
    }
}
