using System.Globalization;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Mysql;
using Jaga.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>postgres</c>, <c>sqlite</c> or <c>mysql</c> check: log in (a fresh, unpooled connection), run
/// <c>query</c> (<c>SELECT 1</c> by default); [CONNECTED] when it ran, [RESULT] its first value. A SQLite file is opened
/// read-only, so a check never creates or changes it.</summary>
internal sealed class DatabaseProbe(Check check, ProbeContext context) : ICheckProbe
{
    public const string DefaultQuery = "SELECT 1";

    public Task<CheckObservation> ObserveAsync(CancellationToken ct)
    {
        var sql = string.IsNullOrWhiteSpace(check.Query) ? DefaultQuery : check.Query;
        var password = Password();
        return ProbeRun.RunAsync(check.Timeout, context.Clock, async (token, elapsed) =>
        {
            var result = check.Kind switch
            {
                "postgres" => await PostgresAsync(sql, token),
                "mysql" => await MysqlQuery.FirstValueAsync(MysqlUrl.Parse(check.Mysql!), sql, check.Timeout, token),
                _ => await SqliteAsync(sql, token),
            };
            return new CheckObservation(true, elapsed()) { Result = result };
        }, e => Hide(ProbeRun.Describe(e), password), ct);
    }

    private async Task<string?> PostgresAsync(string sql, CancellationToken ct)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresUrl.Parse(check.Postgres!).Settings.ConnectionString)
        {
            Pooling = false,
            Timeout = Seconds(),
            CommandTimeout = Seconds(),
        };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct).WaitAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Text(await command.ExecuteScalarAsync(ct));
    }

    private async Task<string?> SqliteAsync(string sql, CancellationToken ct)
    {
        var path = context.Plan.Resolve(check.Sqlite!);
        if (!File.Exists(path)) throw new FileNotFoundException($"database file {path} not found");
        var settings = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = Seconds() };
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Text(await command.ExecuteScalarAsync(ct));
    }

    private int Seconds() => (int)Math.Max(1, Math.Ceiling(check.Timeout.TotalSeconds));

    private static string? Text(object? value) => value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    private string? Password()
    {
        try
        {
            return check.Kind switch
            {
                "postgres" => PostgresUrl.Parse(check.Postgres!).Settings.Password,
                "mysql" => MysqlUrl.Parse(check.Mysql!).Settings.Password,
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Drivers' messages name the user, not the password; this makes sure of it.</summary>
    private static string Hide(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);
}
