using System.Globalization;
using Jaga.Core.Errors;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Microsoft.Data.Sqlite;

namespace Jaga.Sqlite.Advisories;

/// <summary>The local copy of OSV's advisories: one SQLite file of this machine (<see cref="AdvisoryDatabasePath"/>),
/// separate from the state store. Each advisory is one row holding its reduced OSV document (<see cref="OsvJson.Write"/>),
/// indexed by (ecosystem, normalized package name); an import writes a new batch of rows and drops the ecosystem's
/// previous batch in the same transaction, so a failed import leaves the previous data whole.</summary>
public sealed partial class SqliteAdvisoryDatabase : IAdvisoryStore
{
    /// <summary>Names per lookup query: well under SQLite's limit of bound parameters.</summary>
    private const int NamesPerQuery = 500;

    private readonly string connectionString;
    private readonly TimeProvider clock;

    private SqliteAdvisoryDatabase(string path, TimeProvider clock)
    {
        Path = path;
        this.clock = clock;
        // No pooling: a command opens the file for one import or one audit, and a test or the user may remove it afterwards.
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 60 }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>; <paramref name="clock"/> dates the imports.</summary>
    public static async Task<SqliteAdvisoryDatabase> OpenAsync(string path, TimeProvider clock, CancellationToken ct = default)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var db = new SqliteAdvisoryDatabase(path, clock);
        await db.Guard(async () =>
        {
            await using var c = await db.ConnectAsync(ct);
            await Execute(c, null, Schema, ct);
            return 0;
        });
        return db;
    }

    public Task<IReadOnlyList<AdvisoryImport>> ImportsAsync(CancellationToken ct) => Guard(async () =>
    {
        await using var c = await ConnectAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT ecosystem, imported_at, source, advisories FROM advisory_imports ORDER BY ecosystem";
        var list = new List<AdvisoryImport>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (OsvJson.EcosystemOf(r.GetString(0)) is not { } ecosystem) continue;
            list.Add(new AdvisoryImport(ecosystem, DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetInt32(3)));
        }
        return (IReadOnlyList<AdvisoryImport>)list;
    });

    public Task<IReadOnlyList<Advisory>> ForPackagesAsync(Ecosystem ecosystem, IReadOnlyCollection<string> names, CancellationToken ct) => Guard(async () =>
    {
        var keys = names.Select(n => PackageNames.Normalize(ecosystem, n)).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, Advisory>(StringComparer.Ordinal);
        if (keys.Count == 0) return (IReadOnlyList<Advisory>)[];
        var asked = keys.ToHashSet(StringComparer.Ordinal);
        await using var c = await ConnectAsync(ct);
        foreach (var chunk in keys.Chunk(NamesPerQuery))
        {
            await using var cmd = c.CreateCommand();
            var marks = string.Join(',', chunk.Select((_, i) => "$n" + i.ToString(CultureInfo.InvariantCulture)));
            // Each advisory once by its rowid: a DISTINCT over the rows would sort every advisory's JSON text.
            cmd.CommandText = $"""
                SELECT a.id, a.json FROM advisories a
                WHERE a.rowid IN (SELECT p.advisory FROM advisory_packages p WHERE p.ecosystem = $e AND p.name IN ({marks}))
                """;
            cmd.Parameters.AddWithValue("$e", OsvJson.NameOf(ecosystem));
            for (var i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue("$n" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                // The same advisory can come from two ecosystems' dumps: it is returned once.
                if (found.ContainsKey(r.GetString(0))) continue;
                // The stored UTF-8 as it is: read as a string it would be decoded, then encoded again for the parser.
                var advisory = OsvJson.Read(r.GetFieldValue<byte[]>(1)).Advisory;
                found[advisory.Id] = advisory with
                {
                    Affected = [.. advisory.Affected.Where(p => p.Ecosystem == ecosystem && asked.Contains(PackageNames.Normalize(ecosystem, p.Name)))],
                };
            }
        }
        return (IReadOnlyList<Advisory>)[.. found.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];
    });

    private async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(connectionString);
        await c.OpenAsync(ct);
        return c;
    }

    private static async Task Execute(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A damaged or read-only file is the user's to fix, and the fix is cheap: the file holds only downloaded data.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB)
        {
            throw new UserException($"the advisory database {Path} is damaged: {e.Message}",
                $"remove it (rm {Path}) and run 'jaga deps db update' again: it holds only data downloaded from OSV", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN)
        {
            throw new UserException($"the advisory database {Path} cannot be written: {e.Message}",
                $"check that {Path} and its folder can be written by the user running jaga", e);
        }
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS advisory_imports (
            ecosystem TEXT PRIMARY KEY,
            batch INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            source TEXT NOT NULL,
            advisories INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS advisories (
            rowid INTEGER PRIMARY KEY,
            batch INTEGER NOT NULL,
            id TEXT NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS advisories_batch ON advisories (batch);
        CREATE TABLE IF NOT EXISTS advisory_packages (
            ecosystem TEXT NOT NULL,
            name TEXT NOT NULL,
            advisory INTEGER NOT NULL,
            batch INTEGER NOT NULL,
            PRIMARY KEY (ecosystem, name, advisory)) WITHOUT ROWID;
        """;
}
