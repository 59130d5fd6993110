using Jaga.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jaga.Stores.Tests;

/// <summary>SQL run on a store's database directly, past the store, on a connection of its own.</summary>
internal static class StoreSql
{
    public static async Task ExecuteSqliteAsync(string path, string sql)
    {
        await using var c = await OpenSqliteAsync(path);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarSqliteAsync(string path, string sql)
    {
        await using var c = await OpenSqliteAsync(path);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    public static async Task ExecutePostgresAsync(string url, string sql)
    {
        await using var c = await OpenPostgresAsync(url);
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<object?> ScalarPostgresAsync(string url, string sql)
    {
        await using var c = await OpenPostgresAsync(url);
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    private static async Task<SqliteConnection> OpenSqliteAsync(string path)
    {
        // Unpooled, so the file is not held open after the test.
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await c.OpenAsync();
        return c;
    }

    private static async Task<NpgsqlConnection> OpenPostgresAsync(string url)
    {
        var c = new NpgsqlConnection(PostgresUrl.Parse(url).Settings.ConnectionString);
        await c.OpenAsync();
        return c;
    }
}
