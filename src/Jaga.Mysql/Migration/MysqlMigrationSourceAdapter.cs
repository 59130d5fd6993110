using Jaga.Core.Errors;
using Jaga.Core.Migration;
using MySqlConnector;

namespace Jaga.Mysql.Migration;

/// <summary>Opens a <c>mysql://</c> or <c>mariadb://</c> database for an export.</summary>
internal sealed class MysqlMigrationSourceAdapter : IMigrationSourceAdapter
{
    public bool Serves(string url) =>
        url.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase);

    public async Task<IMigrationSource> OpenAsync(string url, CancellationToken ct)
    {
        MysqlUrl parsed;
        try
        {
            parsed = MysqlUrl.Parse(url);
        }
        catch (FormatException e)
        {
            throw new UserException(e.Message, "write mysql://user:password@host:3306/database");
        }
        if (string.IsNullOrEmpty(parsed.Settings.Database))
            throw new UserException($"{parsed.Description} names no database", "write mysql://user:password@host:3306/database");
        var settings = new MySqlConnectionStringBuilder(parsed.Settings.ConnectionString)
        {
            Pooling = false,
            DefaultCommandTimeout = 0,
            // char(36) stays text, binary(16) stays bytes: a column's declared type decides, not a guess at UUIDs.
            GuidFormat = MySqlGuidFormat.None,
        };
        var connection = new MySqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // TIMESTAMP values are read in UTC; one consistent snapshot for every table.
            await using (var c = new MySqlCommand("SET time_zone = '+00:00'; SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ; START TRANSACTION WITH CONSISTENT SNAPSHOT", connection))
                await c.ExecuteNonQueryAsync(ct);
            return new MysqlMigrationSource(connection, parsed.Description);
        }
        catch (MySqlException e)
        {
            await connection.DisposeAsync();
            var password = parsed.Settings.Password;
            var message = string.IsNullOrEmpty(password) ? e.Message : e.Message.Replace(password, "***", StringComparison.Ordinal);
            throw new UserException($"cannot read {parsed.Description}: {message}", "check the URL's host, port, user, password and database", e);
        }
    }
}
