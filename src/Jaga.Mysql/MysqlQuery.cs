using System.Globalization;
using MySqlConnector;

namespace Jaga.Mysql;

/// <summary>Runs one query against a MySQL or MariaDB server, for monitoring checks.</summary>
public static class MysqlQuery
{
    /// <summary>Connects (unpooled: each check is a real login), runs <paramref name="sql"/> and returns its first value
    /// as text (null for SQL NULL or no rows). Throws <see cref="MySqlException"/> or a socket error when the server
    /// refuses; the messages name the user and host, never the password.</summary>
    public static async Task<string?> FirstValueAsync(MysqlUrl url, string sql, TimeSpan timeout, CancellationToken ct)
    {
        var settings = new MySqlConnectionStringBuilder(url.Settings.ConnectionString)
        {
            Pooling = false,
            ConnectionTimeout = (uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds)),
            DefaultCommandTimeout = (uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds)),
        };
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new MySqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
