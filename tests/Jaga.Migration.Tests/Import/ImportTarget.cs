using Jaga.Core.Adapters;
using Jaga.Engine.Migration.Import;
using Jaga.Postgres;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jaga.Migration.Tests.Import;

/// <summary>The import service over the real PostgreSQL adapter, and queries on the target to see what it did.</summary>
internal static class ImportTarget
{
    public static MigrationImport Service() => new(new AdapterSet().AddPostgres().ImportTarget!, new FakeTimeProvider());

    public static NpgsqlConnection Connect(string url)
    {
        var connection = new NpgsqlConnection(PostgresUrl.Parse(url).Settings.ConnectionString);
        connection.Open();
        return connection;
    }

    public static async Task<object?> ScalarAsync(string url, string sql)
    {
        await using var connection = Connect(url);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public static async Task ExecuteAsync(string url, string sql)
    {
        await using var connection = Connect(url);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Whether the table exists, as the import's target sees it.</summary>
    public static async Task<bool> ExistsAsync(string url, string table) =>
        await ScalarAsync(url, $"SELECT to_regclass('\"{table}\"') IS NOT NULL") is true;

    public static async Task<long> CountAsync(string url, string table) =>
        (long)(await ScalarAsync(url, $"SELECT count(*) FROM \"{table}\""))!;
}
