using Jaga.Core.Adapters;
using Jaga.Core.Migration;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Import;
using Jaga.Engine.Migration.Verify;
using Jaga.Postgres;
using Jaga.Sqlite;
using Jaga.Testing;
using Npgsql;
using static Jaga.Migration.Tests.Import.HandExport;
using static Jaga.Migration.Tests.Import.ImportTarget;

namespace Jaga.Migration.Tests.Import;

/// <summary>Review findings of issue 15 on the import, each against a real PostgreSQL: foreign-key cycles, index names per
/// schema, one name-matching rule shared with verify, and a target that denies a privilege or drops the connection.</summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ImportDefectsTests(PostgresServer postgres)
{
    private static readonly ManifestColumn[] Linked = [Column("id", "bigint", nullable: false), Column("other", "bigint")];

    /// <summary>a and b reference each other, employees itself; rows that satisfy every key.</summary>
    private static HandExport Cycle(string a = "id,other\n1,10\n2,\n") =>
        new HandExport()
            .Table("a", a, 2, Linked, ["id"], [new ManifestForeignKey(["other"], "b", ["id"])])
            .Table("b", "id,other\n10,1\n", 1, Linked, ["id"], [new ManifestForeignKey(["other"], "a", ["id"])])
            .Table("employees", "id,other\n1,\n2,1\n3,2\n", 3, Linked, ["id"], [new ManifestForeignKey(["other"], "employees", ["id"])]);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Tables_in_a_foreign_key_cycle_and_a_self_reference_import_with_every_key_added_after_the_load(bool atomic)
    {
        using var export = Cycle();
        var url = await postgres.CreateDatabaseAsync();
        var result = await Service().RunAsync(new ImportOptions(export.Write(), url) { Atomic = atomic });
        Assert.Equal(6, result.Rows);
        Assert.Equal(3L, await ScalarAsync(url, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));
        Assert.Equal("a_other_fkey", await ScalarAsync(url, "SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'a'::regclass"));
    }

    [Fact]
    public async Task A_foreign_key_that_cannot_be_added_is_named_and_without_atomic_the_loaded_tables_stay()
    {
        using var export = Cycle(a: "id,other\n1,10\n2,77\n");
        var url = await postgres.CreateDatabaseAsync();
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), url)));
        Assert.StartsWith("the foreign key a_other_fkey of table a (other) to b (id) could not be added: insert or update on table \"a\" violates foreign key constraint \"a_other_fkey\"",
            e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("77", e.Message, StringComparison.Ordinal);
        Assert.Contains("Key (other)=(77)", e.Detail, StringComparison.Ordinal);
        Assert.Equal(["a", "b", "employees"], e.Finished);
        Assert.Equal(2L, await CountAsync(url, "a"));
        Assert.Equal(0L, await ScalarAsync(url, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"));

        var atomic = await postgres.CreateDatabaseAsync();
        await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Folder, atomic) { Atomic = true }));
        Assert.False(await ExistsAsync(atomic, "a"));
    }

    [Fact]
    public async Task Two_tables_with_an_index_of_the_same_name_import_with_the_names_qualified()
    {
        ManifestColumn[] columns = [Column("id", "bigint", nullable: false), Column("name", "text")];
        using var export = new HandExport()
            .Table("people", "id,name\n1,Ann\n", 1, columns, ["id"], indexes: [new ManifestIndex("idx_name", ["name"], false)])
            .Table("shops", "id,name\n1,Toko\n", 1, columns, ["id"], indexes: [new ManifestIndex("idx_name", ["name"], true)]);
        var url = await postgres.CreateDatabaseAsync();
        await Service().RunAsync(new ImportOptions(export.Write(), url) { Atomic = true });
        Assert.Equal("people_idx_name,shops_idx_name",
            await ScalarAsync(url, "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE indexname LIKE '%idx_name'"));
    }

    [Fact]
    public async Task A_table_and_columns_named_in_another_case_are_found_by_import_and_verify_alike()
    {
        var dir = Directory.CreateTempSubdirectory("jaga-case-").FullName;
        try
        {
            var db = Path.Combine(dir, "app.db");
            await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=false"))
            {
                await c.OpenAsync();
                await using var create = c.CreateCommand();
                create.CommandText = "CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO people VALUES (1, 'ann@example.com'), (2, NULL);";
                await create.ExecuteNonQueryAsync();
            }
            var adapters = new AdapterSet().AddPostgres().AddSqlite();
            var context = new MigrationContext(TimeProvider.System);
            var folder = (await Engine.Migration.Export.MigrationExport.RunAsync(adapters,
                new Engine.Migration.Export.MigrationExportRequest($"sqlite:{db}", Path.Combine(dir, "export")), context, CancellationToken.None)).Folder;
            var url = await postgres.CreateDatabaseAsync();
            await ExecuteAsync(url, "CREATE TABLE \"People\" (\"Id\" bigint PRIMARY KEY, \"Email\" text)");
            await Service().RunAsync(new ImportOptions(folder, url));
            Assert.False(await ExistsAsync(url, "people"));
            Assert.Equal(2L, await CountAsync(url, "People"));

            foreach (var source in new[] { folder, $"sqlite:{db}" })
            {
                var verify = await MigrationVerify.RunAsync(adapters, new MigrationVerifyRequest(source, url), context, CancellationToken.None);
                var table = Assert.Single(verify.Tables);
                Assert.True(table.Equal, table.Problem);
                Assert.Equal(2, table.TargetRows);
            }

            await ExecuteAsync(url, "CREATE TABLE \"PEOPLE\" (id bigint)");
            var ambiguous = await Assert.ThrowsAsync<Jaga.Core.Errors.UserException>(() => Service().RunAsync(new ImportOptions(folder, url) { Truncate = true }));
            Assert.Contains("table people: the target has the tables PEOPLE, People, which differ from it only in case", ambiguous.Message, StringComparison.Ordinal);
            var unclear = await MigrationVerify.RunAsync(adapters, new MigrationVerifyRequest(folder, url), context, CancellationToken.None);
            Assert.Contains("PEOPLE, People", Assert.Single(unclear.Tables).Problem, StringComparison.Ordinal);
        }
        finally
        {
            FixtureFolders.TryDelete(dir);
        }
    }

    [Fact]
    public async Task A_role_without_the_privilege_to_create_tables_gets_a_clear_error_naming_the_privilege()
    {
        using var export = Shop.Export();
        var url = await postgres.CreateDatabaseAsync();
        var role = await RoleAsync(url);
        var e = await Assert.ThrowsAsync<ImportFailedException>(() => Service().RunAsync(new ImportOptions(export.Write(), AsRole(url, role))));
        Assert.Contains("refused the import: permission denied for schema public", e.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE on the target's schema", e.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("Role-Pw-1", e.Message + e.Hint, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(url, "customers"));
    }

    [Fact]
    public async Task A_connection_ended_by_the_server_during_a_copy_is_an_interrupted_import_listing_what_was_committed()
    {
        var many = "id,customer_id,total\n" + string.Concat(Enumerable.Range(1, 20_000).Select(i => $"{i},1,{i}\n"));
        using var export = Shop.Export(orders: many);
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync("Lost-Pw-3");
        var killed = false;
        var progress = new Reporter(p =>
        {
            if (killed || p.Table != "orders") return;
            killed = true;
            using var connection = Connect(url);
            using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()", connection);
            Assert.Equal(1L, kill.ExecuteScalar());
        });
        var e = await Assert.ThrowsAsync<ImportInterruptedException>(() => Service().RunAsync(new ImportOptions(folder, url), progress));
        Assert.True(killed);
        Assert.StartsWith($"the connection to postgres://jaga:***@{PostgresServer.Host}:{postgres.Port}/", e.Message, StringComparison.Ordinal);
        Assert.Contains("was lost during the import", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Lost-Pw-3", e.Message + e.Hint, StringComparison.Ordinal);
        Assert.Equal(["customers"], e.Finished);
        Assert.Contains("customers", e.Hint, StringComparison.Ordinal);
        Assert.Equal(3L, await CountAsync(url, "customers"));
        Assert.False(await ExistsAsync(url, "orders"));
    }

    /// <summary>A login role that owns nothing and may not create in schema public (PostgreSQL 15's default).</summary>
    internal static async Task<string> RoleAsync(string url)
    {
        var role = "importer_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(url, $"CREATE ROLE {role} LOGIN PASSWORD 'Role-Pw-1'; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        return role;
    }

    internal static string AsRole(string url, string role) =>
        url.Replace($"//{PostgresServer.User}@", $"//{role}:Role-Pw-1@", StringComparison.Ordinal);

    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
