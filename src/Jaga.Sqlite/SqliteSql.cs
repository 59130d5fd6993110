using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

/// <summary>What the SQLite adapters share to read and write rows: times are milliseconds since the epoch, read back in UTC.</summary>
internal static class SqliteSql
{
    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? Time(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Time(r.GetInt64(i));

    public static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>Makes this connection's next commits durable in the file but not synced to disk (<c>synchronous=NORMAL</c> in
    /// WAL mode): for writes a power cut may lose, such as check results. The store opens every connection with FULL.</summary>
    public static async Task LazyAsync(SqliteConnection c, CancellationToken ct)
    {
        using var pragma = c.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=NORMAL";
        await pragma.ExecuteNonQueryAsync(ct);
    }

    public static void Add(SqliteCommand cmd, string name, object? value) => cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);

    public static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }
}
