using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Npgsql;

namespace Jaga.Postgres.Backup;

/// <summary>A throw-away database for <c>backup verify --restore</c>: created empty on the server of a URL, restored
/// into, counted, and dropped on dispose.</summary>
public sealed class PostgresScratchDatabase : IAsyncDisposable
{
    private readonly PostgresUrl server;
    private bool dropped;

    private PostgresScratchDatabase(PostgresUrl server, string name, IRestoreTarget target)
    {
        this.server = server;
        Name = name;
        Target = target;
    }

    /// <summary>The database's name, <c>jaga_verify_…</c>.</summary>
    public string Name { get; }

    /// <summary>Restores into the scratch database.</summary>
    public IRestoreTarget Target { get; }

    /// <summary>Creates an empty database on the server of <paramref name="restoreIntoUrl"/>, whose own database is
    /// only used to connect. Its user needs the CREATEDB privilege.</summary>
    public static async Task<PostgresScratchDatabase> CreateAsync(string restoreIntoUrl, DumpFormat format, PgTools? tools = null, CancellationToken ct = default)
    {
        var server = PostgresUrl.Parse(restoreIntoUrl);
        var name = $"jaga_verify_{Guid.NewGuid():N}"[..28];
        await using var c = await PostgresErrors.OpenAsync(server, ct);
        try
        {
            // template0: a dump carries everything it needs, and template1 may hold objects that would clash with it.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {PostgresTables.Quote(name)} TEMPLATE template0", c);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new BackupSourceException(
                $"user '{server.Settings.Username}' may not create databases on {server.Settings.Host}:{server.Settings.Port}; " +
                "a restore check needs the CREATEDB privilege (ALTER ROLE … CREATEDB)", e);
        }
        catch (Exception e) when (PostgresErrors.Explain(server, e) is { } explained)
        {
            throw explained;
        }
        return new PostgresScratchDatabase(server, name, new PostgresRestoreTarget(server.WithDatabase(name), format, tools));
    }

    /// <summary><paramref name="restoreInto"/> with its database replaced by the scratch one, user, password and
    /// parameters kept: the scratch database as a program connects to it.</summary>
    public static string UrlOf(string restoreInto, string database)
    {
        var authority = restoreInto.IndexOf("://", StringComparison.Ordinal) + 3;
        var query = restoreInto.IndexOf('?', authority);
        var end = query < 0 ? restoreInto.Length : query;
        // The password may hold '/': the path starts after the last '@' of the authority.
        var at = restoreInto.LastIndexOf('@', end - 1, end - authority);
        var slash = restoreInto.IndexOf('/', at < 0 ? authority : at);
        var path = slash < 0 || slash > end ? end : slash;
        return restoreInto[..path] + "/" + database + restoreInto[end..];
    }

    /// <summary>Drops the database, ending any session still in it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (dropped) return;
        try
        {
            await using var c = await PostgresErrors.OpenAsync(server, CancellationToken.None);
            var major = (await PostgresSource.ServerVersionAsync(c, CancellationToken.None)).Major;
            // WITH (FORCE) came in PostgreSQL 13; before it, a leftover session makes the drop fail, and says so.
            var force = major >= 13 ? " WITH (FORCE)" : "";
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresTables.Quote(Name)}{force}", c);
            await drop.ExecuteNonQueryAsync();
            dropped = true;
        }
        catch (Exception e) when (e is NpgsqlException or BackupSourceException)
        {
            throw new BackupSourceException(
                $"the scratch database {Name} on {server.Settings.Host}:{server.Settings.Port} could not be dropped; drop it by hand: {e.Message}", e);
        }
    }
}
