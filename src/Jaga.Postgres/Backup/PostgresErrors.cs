using System.Collections.Concurrent;
using System.Net.Sockets;
using Jaga.Core.Ports;
using Npgsql;

namespace Jaga.Postgres.Backup;

/// <summary>Turns the failures a user can fix into messages that say what to fix, and hold no password.</summary>
internal static class PostgresErrors
{
    // One unpooled data source per connection string for the process's life: it holds no connection, only settings.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> Sources = new(StringComparer.Ordinal);

    /// <summary>These sessions read catalog names, counts, settings and snapshots, all of built-in types, so they skip
    /// loading the server's type catalog first: a round trip and a large answer to parse at each backup's start.</summary>
    private static NpgsqlDataSource Unpooled(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        return builder.Build();
    }

    /// <summary>Opens a connection to <paramref name="url"/>, or throws <see cref="BackupSourceException"/> saying why not.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(PostgresUrl url, CancellationToken ct)
    {
        // Unpooled: a backup is one long session, and a pooled one left idle would outlive a cancelled
        // backup and stop a scratch database from being dropped.
        var settings = new NpgsqlConnectionStringBuilder(url.Settings.ConnectionString) { Pooling = false };
        var connection = Sources.GetOrAdd(settings.ConnectionString, Unpooled).CreateConnection();
        var open = connection.OpenAsync(ct);
        try
        {
            // Npgsql does not watch the token while it waits for the server's first answer, so a server that accepts and
            // never answers would hold a backup past its timeout until Npgsql's own connect timeout: stop waiting instead.
            await open.WaitAsync(ct);
            return connection;
        }
        catch (OperationCanceledException) when (!open.IsCompleted)
        {
            // The open ends by itself (Npgsql's connect timeout); dispose the connection then, not under it.
            _ = open.ContinueWith(t => { _ = t.Exception; connection.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        catch (Exception e) when (Explain(url, e) is { } explained)
        {
            await connection.DisposeAsync();
            throw explained;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The user-fixable reason behind <paramref name="e"/>, or null when it is not one.</summary>
    public static BackupSourceException? Explain(PostgresUrl url, Exception e)
    {
        var b = url.Settings;
        var where = $"{b.Host}:{b.Port}";
        return e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } =>
                new($"PostgreSQL refused the login for user '{b.Username}' on {where} (wrong password?)", e),
            PostgresException { SqlState: PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                new($"PostgreSQL refused the login for user '{b.Username}' on {where}: {p.MessageText}", e),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } =>
                new($"database '{b.Database}' does not exist on {where}", e),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } p =>
                new($"user '{b.Username}' lacks a privilege on {url.Description}: {p.MessageText}", e),
            NpgsqlException { InnerException: SocketException s } =>
                new($"could not connect to PostgreSQL on {where}: {s.Message}", e),
            NpgsqlException { InnerException: TimeoutException } =>
                new($"could not connect to PostgreSQL on {where}: no answer in time", e),
            NpgsqlException n when n.Message.Contains("password", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(b.Password) =>
                new($"PostgreSQL on {where} asks for a password for user '{b.Username}', and the URL has none", e),
            _ => null,
        };
    }
}
