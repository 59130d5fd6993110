using Jaga.Core.Adapters;
using Jaga.Core.Errors;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Export;
using Jaga.Sqlite;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Migration.Tests.Export;

/// <summary>A SQLite export reads its tables on several connections at once (docs/migration.md, "One snapshot"): only
/// where every connection reads the same state, and with the same files and hashes as one connection gives.</summary>
public sealed class ParallelExportTests : IDisposable
{
    private static readonly AdapterSet Adapters = new AdapterSet().AddSqlite();
    private static readonly MigrationContext Context = new(TimeProvider.System);
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-parallel-export-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private async Task<string> DatabaseAsync(string name, string sql)
    {
        var path = Path.Combine(dir, name);
        await using var c = new SqliteConnection($"Data Source={path};Pooling=false");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return path;
    }

    private const string Shop = """
        CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, born DATETIME);
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total NUMERIC(10,2), note TEXT);
        CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES orders(id), qty INTEGER, price REAL, photo BLOB);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
        INSERT INTO customers SELECT i, 'name ' || i || ', "quoted"', '2025-01-' || printf('%02d', 1 + i % 28) || ' 10:00:00' FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
        INSERT INTO orders SELECT i, 1 + i % 3000, i / 7.0, CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN '' ELSE 'line ' || i || char(10) || 'é' END FROM n;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
        INSERT INTO items SELECT i, 1 + i % 20000, i % 9, i / 3.0, CASE WHEN i % 4 = 0 THEN CAST(printf('b%d', i) AS BLOB) END FROM n;
        """;

    [Fact]
    public async Task A_second_reader_reads_the_first_readers_state_and_a_writer_cannot_commit_between_them()
    {
        var path = await DatabaseAsync("app.db", "CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2);");
        await using var first = await Adapters.OpenMigrationSourceAsync($"sqlite:{path}", CancellationToken.None);
        await using (var writer = new SqliteConnection($"Data Source={path};Pooling=false;Default Timeout=1"))
        {
            await writer.OpenAsync();
            await using var insert = writer.CreateCommand();
            insert.CommandText = "INSERT INTO t VALUES (3)";
            // The first reader's read transaction holds SQLite's SHARED lock: the commit is refused while it lasts.
            var busy = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteNonQueryAsync());
            Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
        }
        await using var second = await first.OpenSameSnapshotAsync(CancellationToken.None);
        Assert.NotNull(second);
        Assert.Equal(2, await second.CountRowsAsync("t", CancellationToken.None));
        var ids = new List<object?>();
        await foreach (var row in second.ReadRowsAsync("t", ["id"], CancellationToken.None)) ids.Add(row[0]);
        Assert.Equal([1L, 2L], ids);
    }

    [Fact]
    public async Task A_database_in_wal_mode_has_no_second_reader_as_a_writer_could_commit_between_the_two()
    {
        var path = await DatabaseAsync("wal.db", "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1);");
        await using var first = await Adapters.OpenMigrationSourceAsync($"sqlite:{path}", CancellationToken.None);
        Assert.Null(await first.OpenSameSnapshotAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Tables_read_on_several_connections_give_the_files_and_hashes_of_one_connection()
    {
        var parallel = await DatabaseAsync("app.db", Shop);
        // The same data in WAL mode, which the export reads on one connection.
        var single = await DatabaseAsync("wal.db", "PRAGMA journal_mode=WAL;" + Shop);
        var a = await MigrationExport.RunAsync(Adapters, new MigrationExportRequest($"sqlite:{parallel}", Path.Combine(dir, "a")), Context, CancellationToken.None);
        var b = await MigrationExport.RunAsync(Adapters, new MigrationExportRequest($"sqlite:{single}", Path.Combine(dir, "b")), Context, CancellationToken.None);
        Assert.Equal(["customers", "orders", "items"], a.Manifest.Tables.Select(t => t.Name));
        Assert.Equal([3000L, 20000L, 50000L], a.Manifest.Tables.Select(t => t.Rows));
        Assert.Equal(b.Manifest.Tables.Select(t => (t.Name, t.Rows, t.Sha256, t.ContentSha256)), a.Manifest.Tables.Select(t => (t.Name, t.Rows, t.Sha256, t.ContentSha256)));
        foreach (var t in a.Manifest.Tables)
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(b.Folder, t.File)), await File.ReadAllBytesAsync(Path.Combine(a.Folder, t.File)));
    }

    [Fact]
    public async Task A_bad_value_in_one_table_stops_every_reader_and_no_manifest_is_written()
    {
        var path = await DatabaseAsync("app.db", Shop + "INSERT INTO items VALUES (50001, 1, 'many', 1.0, NULL);");
        var e = await Assert.ThrowsAsync<UserException>(() =>
            MigrationExport.RunAsync(Adapters, new MigrationExportRequest($"sqlite:{path}", Path.Combine(dir, "out")), Context, CancellationToken.None));
        Assert.Contains("table 'items', id=50001, column 'qty': the text 'many' does not fit a bigint column", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "manifest.json")));
    }
}
