using System.Globalization;
using Jaga.Core.Adapters;
using Jaga.Core.Plan;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite;

/// <summary>The <c>sqlite</c> check's query: the file is opened read-only, so a check never creates or changes it.</summary>
internal sealed class SqliteDatabaseAdapter : IDatabaseAdapter
{
    public DatabaseKind Kind => DatabaseKind.Sqlite;

    // The location is the file's path, already resolved against the plan's folder by the probe.
    public async Task<string?> FirstValueAsync(string location, string sql, TimeSpan timeout, CancellationToken ct)
    {
        if (!File.Exists(location)) throw new FileNotFoundException($"database file {location} not found");
        var settings = new SqliteConnectionStringBuilder
        {
            DataSource = location,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(timeout.TotalSeconds)),
        };
        await using var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
    }

    public string? Password(string location) => null;
}
