using Jaga.Core.Adapters;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Export;
using Jaga.Engine.Migration.Import;
using Jaga.Engine.Migration.Verify;
using Jaga.Postgres;
using Jaga.Sqlite;
using Jaga.Testing;
using Microsoft.Data.Sqlite;
using static Jaga.Migration.Tests.Import.ImportTarget;

namespace Jaga.Migration.Tests.Export;

/// <summary>Review findings of issue 15 on reading real SQLite files: REFERENCES spelled in another case or quoted, FTS5
/// virtual tables and their shadow tables, and timestamps finer than PostgreSQL's microsecond.</summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class SqliteSourceDefectsTests(PostgresServer postgres) : IDisposable
{
    private static readonly AdapterSet Adapters = new AdapterSet().AddSqlite().AddPostgres();
    private static readonly MigrationContext Context = new(TimeProvider.System);
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-sqlite-src-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private async Task<string> DatabaseAsync(string sql)
    {
        var path = Path.Combine(dir, "app.db");
        await using var c = new SqliteConnection($"Data Source={path};Pooling=false");
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
        return $"sqlite:{path}";
    }

    private Task<MigrationExportResult> ExportAsync(string from) =>
        MigrationExport.RunAsync(Adapters, new MigrationExportRequest(from, Path.Combine(dir, "export")), Context, CancellationToken.None);

    [Fact]
    public async Task References_in_another_case_or_quoted_name_the_tables_and_columns_as_declared_and_their_keys_are_imported()
    {
        var from = await DatabaseAsync("""
            CREATE TABLE "Customers" (ID INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER references customers(id));
            CREATE TABLE notes (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES "CUSTOMERS", order_id integer, FOREIGN KEY (order_id) REFERENCES [Orders](ID));
            INSERT INTO Customers VALUES (1, 'Ann');
            INSERT INTO orders VALUES (1, 1);
            INSERT INTO notes VALUES (1, 1, 1);
            """);
        var result = await ExportAsync(from);
        Assert.Equal(["Customers", "orders", "notes"], result.Manifest.Tables.Select(t => t.Name));
        var orders = Assert.Single(result.Manifest.Tables[1].ForeignKeys);
        Assert.Equal(("Customers", "ID"), (orders.References, Assert.Single(orders.ReferencedColumns)));
        Assert.Equal([("Customers", "ID"), ("orders", "id")],
            result.Manifest.Tables[2].ForeignKeys.Select(k => (k.References, Assert.Single(k.ReferencedColumns))).OrderBy(k => k.References, StringComparer.Ordinal));

        var url = await postgres.CreateDatabaseAsync();
        var imported = await new MigrationImport(Adapters.ImportTarget!, TimeProvider.System).RunAsync(new ImportOptions(result.Folder, url) { Atomic = true });
        Assert.All(imported.Tables, t => Assert.Empty(t.Notes));
        Assert.Equal(3L, await ScalarAsync(url, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
    }

    [Fact]
    public async Task Fts5_virtual_tables_and_their_shadow_tables_are_skipped_and_listed_with_the_reason()
    {
        var from = await DatabaseAsync("""
            CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT);
            CREATE TABLE docs_archive (id INTEGER PRIMARY KEY, title TEXT);
            CREATE VIRTUAL TABLE docs USING fts5(title, body);
            CREATE VIRTUAL TABLE posts_search USING FTS5(body, content='posts', content_rowid='id');
            INSERT INTO posts VALUES (1, 'hello world');
            INSERT INTO docs (title, body) VALUES ('a', 'full text');
            INSERT INTO docs_archive VALUES (1, 'kept');
            """);
        var result = await ExportAsync(from);
        Assert.Equal(["docs_archive", "posts"], result.Manifest.Tables.Select(t => t.Name));
        Assert.Contains(result.Warnings, w => w.StartsWith(
            "the virtual table docs (fts5) and its shadow tables docs_config, docs_content, docs_data, docs_docsize, docs_idx are not exported: its rows live in its module's own format",
            StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.StartsWith("the virtual table posts_search (fts5) and its shadow tables posts_search_config, posts_search_data", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(result.Folder, "docs_data.csv")));
    }

    [Fact]
    public async Task Timestamps_finer_than_a_microsecond_are_reported_at_export_and_verify_finds_the_target_equal()
    {
        var from = await DatabaseAsync("""
            CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME);
            INSERT INTO events VALUES (1, '2025-11-15T02:00:00.1234567+07:00'), (2, '2025-11-15T02:00:00.5+00:00'), (3, '2025-11-15 02:00:00.1234560'), (4, '2025-11-15T02:00:00.0000009Z');
            """);
        var result = await ExportAsync(from);
        Assert.Equal(
            "table 'events', column 'at': 2 value(s) finer than a microsecond (first at id=1) were written cut to microseconds, the most PostgreSQL keeps; the content hash is of the values as written",
            Assert.Single(result.Warnings));
        var csv = await File.ReadAllTextAsync(Path.Combine(result.Folder, "events.csv"));
        Assert.Contains("1,2025-11-15T02:00:00.123456+07:00", csv, StringComparison.Ordinal);

        var url = await postgres.CreateDatabaseAsync();
        await new MigrationImport(Adapters.ImportTarget!, TimeProvider.System).RunAsync(new ImportOptions(result.Folder, url));
        var verify = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest(from, url), Context, CancellationToken.None);
        Assert.True(verify.Equal, Assert.Single(verify.Tables).Problem);
        Assert.Equal(result.Manifest.Tables[0].ContentSha256, verify.Tables[0].TargetContentSha256);
    }
}
