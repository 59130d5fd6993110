using Jaga.Core.Ports;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Backup;

/// <summary>What a SQLite backup records and a restore is checked against: each table's rows, and the file's integrity.</summary>
internal static class SqliteTables
{
    // SQLite's own tables (sqlite_sequence, sqlite_stat1) are bookkeeping, not the application's data.
    private const string List = @"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name";

    // SQLITE_BUSY: another connection holds a lock longer than the busy timeout.
    private const int Busy = 5;

    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // A pooled connection would keep the file open after a restore renamed a new one over it.
            Pooling = false,
        }.ToString());
        c.Open();
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 60000";
        pragma.ExecuteNonQuery();
        return c;
    }

    public static IReadOnlyDictionary<string, long> Count(SqliteConnection c)
    {
        var names = new List<string>();
        using (var list = c.CreateCommand())
        {
            list.CommandText = List;
            using var r = list.ExecuteReader();
            while (r.Read()) names.Add(r.GetString(0));
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var count = c.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[name] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>Throws <see cref="BackupSourceException"/> unless <c>PRAGMA integrity_check</c> says <c>ok</c>.</summary>
    public static void CheckIntegrity(SqliteConnection c, string what)
    {
        using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check(20)";
        var problems = new List<string>();
        using (var r = check.ExecuteReader())
            while (r.Read()) problems.Add(r.GetString(0));
        if (problems is not ["ok"])
            throw new BackupSourceException($"{what} fails SQLite's integrity check: {string.Join("; ", problems)}");
    }

    /// <summary>The user-fixable reason behind a SQLite failure on <paramref name="what"/>, or null.</summary>
    public static BackupSourceException? Explain(string what, SqliteException e) => e.SqliteErrorCode switch
    {
        Busy => new($"{what} stayed locked by another program for over a minute", e),
        SQLitePCL.raw.SQLITE_CANTOPEN => new($"{what} cannot be opened (missing, or no permission)", e),
        SQLitePCL.raw.SQLITE_NOTADB => new($"{what} is not a SQLite database", e),
        SQLitePCL.raw.SQLITE_CORRUPT => new($"{what} is corrupt: {e.Message}", e),
        SQLitePCL.raw.SQLITE_PERM or SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_AUTH => new($"{what} may not be read: {e.Message}", e),
        _ => null,
    };

    /// <summary>Removes a database file with the journal files SQLite keeps beside it.</summary>
    public static void Delete(string path)
    {
        foreach (var suffix in Companions.Prepend("")) File.Delete(path + suffix);
    }

    /// <summary>The files SQLite keeps beside a database. A stale write-ahead log left beside a replaced file would
    /// be replayed into it on the next open and corrupt it.</summary>
    public static readonly IReadOnlyList<string> Companions = ["-wal", "-shm", "-journal"];
}
