using Jaga.Core.Errors;
using Jaga.Core.Migration;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Migration;

/// <summary>Opens <c>sqlite:PATH</c> (a path relative to the working folder, or absolute) read-only for an export.</summary>
internal sealed class SqliteMigrationSourceAdapter : IMigrationSourceAdapter
{
    private const string Scheme = "sqlite:";

    public bool Serves(string url) => url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public async Task<IMigrationSource> OpenAsync(string url, CancellationToken ct)
    {
        var path = url[Scheme.Length..].Trim();
        if (path.Length == 0) throw new UserException("sqlite: names no file", "write sqlite:PATH, e.g. sqlite:starter/app.db");
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (Directory.Exists(full)) throw new UserException($"{path} is a folder, not a SQLite database file");
        if (!info.Exists) throw new UserException($"there is no SQLite database at {path}", "check the path after sqlite: (relative to the working folder)");
        // A FIFO or a device is refused by the engine before this opens it (opening a FIFO would block).
        var settings = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(settings.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // One read transaction: every table is read from the same moment, even while the application writes.
            var transaction = connection.BeginTransaction(deferred: true);
            var source = new SqliteMigrationSource(connection, transaction, $"sqlite:{path}");
            await source.CheckAsync(ct);
            return source;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new UserException($"{path} cannot be read as a SQLite database: {e.Message}", "check that sqlite: names the application's database file", e);
        }
    }
}
