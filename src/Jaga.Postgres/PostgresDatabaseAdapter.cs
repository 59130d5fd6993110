using System.Globalization;
using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Npgsql;

namespace Jaga.Postgres;

/// <summary>The <c>postgres</c> check's login and query: a fresh, unpooled connection each time.</summary>
internal sealed class PostgresDatabaseAdapter : IDatabaseAdapter
{
    public DatabaseKind Kind => DatabaseKind.Postgres;

    public async Task<string?> FirstValueAsync(string location, string sql, TimeSpan timeout, CancellationToken ct)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));
        var settings = new NpgsqlConnectionStringBuilder(PostgresUrl.Parse(location).Settings.ConnectionString)
        {
            Pooling = false,
            Timeout = seconds,
            CommandTimeout = seconds,
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct).WaitAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    public string? Password(string location)
    {
        try
        {
            return PostgresUrl.Parse(location).Settings.Password;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
