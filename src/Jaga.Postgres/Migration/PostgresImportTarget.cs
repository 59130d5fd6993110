using Jaga.Core.Migration.Import;
using Npgsql;

namespace Jaga.Postgres.Migration;

/// <summary>PostgreSQL as the target of <c>jaga migrate import</c>.</summary>
internal sealed class PostgresImportTarget : IImportTarget
{
    public bool Serves(string url) =>
        url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    public string Describe(string url) => PostgresUrl.Parse(url).Description;

    public async Task<IImportSession> OpenAsync(string url, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresUrl.Parse(url).Settings.ConnectionString)
        {
            // One long session: no pool to return it to, and no command timeout cutting a large COPY or index build short.
            Pooling = false,
            CommandTimeout = 0,
            // The detail names the refused key ("Key (id)=(3) already exists"): the user's own data, and what they must fix.
            IncludeErrorDetail = true,
        };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or ArgumentException)
        {
            await connection.DisposeAsync();
            throw new TargetRefusedException(PostgresImportSession.Reason(e), null, e);
        }
        return new PostgresImportSession(connection);
    }
}
