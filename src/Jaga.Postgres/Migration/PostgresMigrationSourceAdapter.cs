using Jaga.Core.Errors;
using Jaga.Core.Migration;
using Npgsql;

namespace Jaga.Postgres.Migration;

/// <summary>Opens a <c>postgres://</c> or <c>postgresql://</c> database for an export, or as verify's target.</summary>
internal sealed class PostgresMigrationSourceAdapter : IMigrationSourceAdapter
{
    public bool Serves(string url) =>
        url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public async Task<IMigrationSource> OpenAsync(string url, CancellationToken ct)
    {
        PostgresUrl parsed;
        try
        {
            parsed = PostgresUrl.Parse(url);
        }
        catch (FormatException e)
        {
            throw new UserException(e.Message, "write postgres://user:password@host:5432/database");
        }
        var settings = new NpgsqlConnectionStringBuilder(parsed.Settings.ConnectionString) { Pooling = false, CommandTimeout = 0 };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // One snapshot for every table: the export is consistent even while the application writes.
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
            await using (var c = new NpgsqlCommand("SET TRANSACTION READ ONLY; SET LOCAL TimeZone = 'UTC'", connection, transaction))
                await c.ExecuteNonQueryAsync(ct);
            return new PostgresMigrationSource(connection, transaction, parsed.Description);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            var password = parsed.Settings.Password;
            var message = string.IsNullOrEmpty(password) ? e.Message : e.Message.Replace(password, "***", StringComparison.Ordinal);
            throw new UserException($"cannot read {parsed.Description}: {message}", "check the URL's host, port, user, password and database", e);
        }
    }
}
