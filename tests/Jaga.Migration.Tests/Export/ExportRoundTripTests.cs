using Jaga.Core.Adapters;
using Jaga.Core.Migration;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Export;
using Jaga.Engine.Migration.Verify;
using Jaga.Mysql;
using Jaga.Postgres;
using Jaga.Sqlite;
using Jaga.Testing;

namespace Jaga.Migration.Tests.Export;

[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ExportRoundTripTests(PostgresServer postgres, MariaDbServer mariadb) : IDisposable
{
    private static readonly AdapterSet Adapters = new AdapterSet().AddSqlite().AddPostgres().AddMysql();
    private static readonly MigrationContext Context = new(TimeProvider.System);
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-export-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private Task<MigrationExportResult> ExportAsync(string from, string name) =>
        MigrationExport.RunAsync(Adapters, new MigrationExportRequest(from, Path.Combine(dir, name)), Context, CancellationToken.None);

    [Fact]
    public async Task The_same_data_in_sqlite_postgres_and_mariadb_exports_with_equal_content_hashes_and_reads_back_through_copy()
    {
        var sqlitePath = Path.Combine(dir, "app.db");
        await ShopSchema.CreateSqliteAsync(sqlitePath);
        var pg = await postgres.CreateDatabaseAsync("pg-Secret-1");
        await ShopSchema.CreatePostgresAsync(pg);
        var maria = await mariadb.CreateDatabaseAsync();
        await ShopSchema.CreateMariaDbAsync(maria);

        var fromSqlite = await ExportAsync($"sqlite:{sqlitePath}", "sqlite");
        var fromPostgres = await ExportAsync(pg, "postgres");
        var fromMaria = await ExportAsync(maria, "mariadb");

        foreach (var result in (MigrationExportResult[])[fromSqlite, fromPostgres, fromMaria])
        {
            Assert.Equal(["people", "invoices"], result.Manifest.Tables.Select(t => t.Name));
            Assert.Equal([3L, 3L], result.Manifest.Tables.Select(t => t.Rows));
            Assert.True(result.Manifest.Tables[0].Columns[0].Identity, result.Manifest.SourceKind);
            Assert.Equal(["person_id"], Assert.Single(result.Manifest.Tables[1].ForeignKeys).Columns);
            Assert.Equal(["boolean", "bytea"], result.Manifest.Tables[0].Columns.Where(c => c.Name is "active" or "photo").Select(c => c.PgType));
            var back = ExportManifestJson.TryRead(File.ReadAllText(Path.Combine(result.Folder, ExportManifest.FileName)), out var problem);
            Assert.Null(problem);
            Assert.Equal(result.Manifest.Tables.Select(t => t.Sha256), back!.Tables.Select(t => t.Sha256));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(result.Folder, "people.csv")))),
                back.Tables[0].Sha256);
        }
        Assert.Equal(fromSqlite.Manifest.Tables.Select(t => t.ContentSha256), fromPostgres.Manifest.Tables.Select(t => t.ContentSha256));
        Assert.Equal(fromSqlite.Manifest.Tables.Select(t => t.ContentSha256), fromMaria.Manifest.Tables.Select(t => t.ContentSha256));
        Assert.DoesNotContain("pg-Secret-1", File.ReadAllText(Path.Combine(fromPostgres.Folder, ExportManifest.FileName)), StringComparison.Ordinal);
        Assert.DoesNotContain(MariaDbServer.Password, File.ReadAllText(Path.Combine(fromMaria.Folder, ExportManifest.FileName)), StringComparison.Ordinal);

        var people = File.ReadAllText(Path.Combine(fromSqlite.Folder, "people.csv"));
        Assert.StartsWith("id,name,note,active,balance,score,photo,joined\r\n1,Budi,,true,12.5,0.1,\\x00ff10,2025-11-15T02:00:00.123456+07:00\r\n", people, StringComparison.Ordinal);
        Assert.Contains("2,\"\",\"says \"\"hi\"\", then\nleaves,\r\nfor good\",false,-0.5,", people, StringComparison.Ordinal);
        Assert.Contains("3,Ñandú 😀 ünïcödé,\"\",,,,\\x,1999-12-31T23:59:59+00:00", people, StringComparison.Ordinal);

        // PostgreSQL's own COPY reads the files into tables made from the manifest's types: verify finds the same rows.
        var target = await postgres.CreateDatabaseAsync();
        await CopyIntoAsync(target, fromSqlite);
        var equal = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest($"sqlite:{sqlitePath}", target), Context, CancellationToken.None);
        Assert.True(equal.Equal, string.Join("; ", equal.Tables.Select(t => $"{t.Table} {t.SourceRows}/{t.TargetRows} {t.Problem} {string.Join(",", t.SampleKeys)}")));
        var fromFolder = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest(fromMaria.Folder, target), Context, CancellationToken.None);
        Assert.True(fromFolder.Equal);
        Assert.Equal(fromSqlite.Manifest.Tables.Select(t => t.ContentSha256), fromFolder.Tables.Select(t => t.TargetContentSha256));

        await ShopSchema.PostgresAsync(target, "UPDATE people SET note = 'changed' WHERE id = 2; DELETE FROM invoices WHERE id = 3; INSERT INTO invoices VALUES (9, 1, 'new', 1)");
        var differs = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest(pg, target), Context, CancellationToken.None);
        Assert.False(differs.Equal);
        Assert.Equal(["id=2 (changed)"], differs.Tables.Single(t => t.Table == "people").SampleKeys);
        var invoices = differs.Tables.Single(t => t.Table == "invoices");
        Assert.Equal(3, invoices.TargetRows);
        Assert.Contains("id=3 (only in source)", invoices.SampleKeys);
        Assert.Contains("id=9 (only in target)", invoices.SampleKeys);
    }

    [Fact]
    public async Task A_null_an_empty_string_and_a_lone_backslash_dot_survive_copy_in_a_one_column_table()
    {
        var sqlitePath = Path.Combine(dir, "one.db");
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlitePath}"))
        {
            await c.OpenAsync();
            await using var create = c.CreateCommand();
            create.CommandText = "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (NULL), (''), ('\\.'), ('x'), (NULL)";
            await create.ExecuteNonQueryAsync();
        }
        var export = await ExportAsync($"sqlite:{sqlitePath}", "one");
        Assert.Equal("body\r\n\r\n\"\"\r\n\"\\.\"\r\nx\r\n\r\n", File.ReadAllText(Path.Combine(export.Folder, "notes.csv")));
        var target = await postgres.CreateDatabaseAsync();
        await CopyIntoAsync(target, export);
        var verify = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest(export.Folder, target), Context, CancellationToken.None);
        Assert.True(verify.Equal, string.Join(", ", verify.Tables.Single().SampleKeys));
        Assert.Equal(5, verify.Tables.Single().TargetRows);
    }

    [Fact]
    public async Task A_csv_file_changed_after_the_export_is_reported_by_verify_against_its_folder()
    {
        var sqlitePath = Path.Combine(dir, "app.db");
        await ShopSchema.CreateSqliteAsync(sqlitePath);
        var export = await ExportAsync($"sqlite:{sqlitePath}", "changed");
        var target = await postgres.CreateDatabaseAsync();
        await CopyIntoAsync(target, export);
        var csv = Path.Combine(export.Folder, "invoices.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("A-1", "A-7", StringComparison.Ordinal));
        var verify = await MigrationVerify.RunAsync(Adapters, new MigrationVerifyRequest(export.Folder, target), Context, CancellationToken.None);
        Assert.False(verify.Equal);
        var invoices = verify.Tables.Single(t => t.Table == "invoices");
        Assert.StartsWith("invoices.csv no longer holds the rows its manifest lists (3 rows", invoices.Problem, StringComparison.Ordinal);
        Assert.True(verify.Tables.Single(t => t.Table == "people").Equal);
    }

    /// <summary>Makes the tables from the manifest's types and loads each CSV with psql's \copy … (FORMAT csv).</summary>
    private static async Task CopyIntoAsync(string target, MigrationExportResult export)
    {
        foreach (var table in export.Manifest.Tables)
            await ShopSchema.PostgresAsync(target,
                $"CREATE TABLE {table.Name} ({string.Join(", ", table.Columns.Select(c => $"{c.Name} {c.PgType}"))})");
        // psql beside the server the fixture runs, else the one on PATH (Debian's wrapper in /usr/bin).
        var beside = Path.Combine(Path.GetDirectoryName(PostgresBinaries.Find().Postgres)!, "psql");
        var psql = File.Exists(beside) ? beside : "psql";
        foreach (var table in export.Manifest.Tables)
        {
            var file = Path.Combine(export.Folder, table.File);
            var r = await ChildProcess.RunAsync(psql, [target.Replace("postgres://", "postgresql://", StringComparison.Ordinal), "-v", "ON_ERROR_STOP=1", "-c",
                $"\\copy {table.Name} FROM '{file}' WITH (FORMAT csv, HEADER true)"], TimeSpan.FromMinutes(1));
            Assert.True(r.ExitCode == 0, r.Output);
        }
    }
}
