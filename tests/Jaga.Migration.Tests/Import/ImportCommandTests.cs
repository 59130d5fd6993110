using System.Text.Json.Nodes;
using Jaga.Testing;
using static Jaga.Migration.Tests.Import.ImportTarget;

namespace Jaga.Migration.Tests.Import;

/// <summary><c>jaga migrate import</c> through the real binary: its JSON, its exit codes, its log line, and the URL's
/// password nowhere.</summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ImportCommandTests(PostgresServer postgres)
{
    private const string Password = "Pw-never-shown-42";

    [Fact]
    public async Task An_import_prints_its_tables_as_json_and_writes_one_log_line_without_the_password()
    {
        using var export = Shop.Export();
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync(Password);
        var (exit, output, log) = await RunAsync(["migrate", "import", "--from", folder, "--into", url, "--atomic", "--json"]);
        Assert.True(exit == 0, output);
        var json = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal(6, json["rows"]!.GetValue<long>());
        Assert.True(json["atomic"]!.GetValue<bool>());
        Assert.Equal(["customers", "orders"], json["tables"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Contains(":***@", json["target"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"Imported {folder} into postgres://jaga:***@", log, StringComparison.Ordinal);
        Assert.Contains("2 tables, 6 rows", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + log, StringComparison.Ordinal);
        Assert.Equal(3L, await CountAsync(url, "orders"));
    }

    [Fact]
    public async Task A_refused_row_exits_2_with_its_file_line_and_column_and_the_failure_is_logged()
    {
        using var export = Shop.Export(customers: Shop.Customers.Replace("-3.25", "abc", StringComparison.Ordinal));
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync(Password);
        var (exit, output, log) = await RunAsync(["migrate", "import", "--from", folder, "--into", url]);
        Assert.True(exit == 2, output);
        Assert.Contains($"jaga: {export.PathOf("customers")}:5: column score: invalid input syntax for type numeric", output, StringComparison.Ordinal);
        Assert.Contains("hint: everything was rolled back", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", log, StringComparison.Ordinal);
        Assert.Contains("customers.csv:5", log, StringComparison.Ordinal);
        Assert.DoesNotContain("\"abc\"", log, StringComparison.Ordinal);
        Assert.Contains("detail (shown here only, never logged): invalid input syntax for type numeric: \"abc\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + log, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(url, "customers"));
    }

    [Fact]
    public async Task A_duplicate_key_shows_its_value_on_the_terminal_only_never_in_the_log()
    {
        using var export = new HandExport().Table("people", "id,email\n1,ann@example.com\n2,ann@example.com\n", 2,
            [HandExport.Column("id", "bigint", nullable: false), HandExport.Column("email", "text")]);
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync(Password);
        await ExecuteAsync(url, "CREATE TABLE people (id bigint PRIMARY KEY, email text UNIQUE)");
        var (exit, output, log) = await RunAsync(["migrate", "import", "--from", folder, "--into", url]);
        Assert.True(exit == 2, output);
        Assert.Contains($"jaga: {export.PathOf("people")}:3: the row was refused: duplicate key value violates unique constraint \"people_email_key\"", output, StringComparison.Ordinal);
        Assert.Contains("detail (shown here only, never logged): duplicate key value violates unique constraint \"people_email_key\" (Key (email)=(ann@example.com) already exists.)",
            output, StringComparison.Ordinal);
        Assert.Contains("people_email_key", log, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_denied_its_tables_exits_2_with_the_privilege_named_and_the_failure_logged()
    {
        using var export = Shop.Export();
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync();
        var role = await ImportDefectsTests.RoleAsync(url);
        // Tables made by the application's migrations, owned by another role: the importer may not even read them.
        await ExecuteAsync(url, "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, note text, active boolean, photo bytea, joined timestamptz, score numeric(10,2))");
        var (exit, output, log) = await RunAsync(["migrate", "import", "--from", folder, "--into", ImportDefectsTests.AsRole(url, role)]);
        Assert.True(exit == 2, output);
        Assert.Contains("refused the import: permission denied for table customers", output, StringComparison.Ordinal);
        Assert.Contains("hint: the import's user needs CREATE", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", log, StringComparison.Ordinal);
        Assert.Contains("permission denied for table customers", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Role-Pw-1", output + log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyze_that_fails_after_the_commit_exits_1_saying_the_data_is_in_place_and_is_logged()
    {
        using var export = new HandExport().Table("items", "id,total\n1,5\n2,7\n", 2,
            [HandExport.Column("id", "bigint", nullable: false), HandExport.Column("total", "integer")]);
        var folder = export.Write();
        var url = await postgres.CreateDatabaseAsync(Password);
        // Statistics on an expression are computed by ANALYZE alone (no insert evaluates them): a function that fails there
        // makes ANALYZE fail after the rows are committed.
        await ExecuteAsync(url, """
            CREATE TABLE items (id bigint PRIMARY KEY, total integer);
            CREATE FUNCTION fails(integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'statistics cannot be computed'; END $$;
            CREATE STATISTICS items_fails ON (fails(total)) FROM items;
            """);
        var (exit, output, log) = await RunAsync(["migrate", "import", "--from", folder, "--into", url]);
        Assert.True(exit == 1, output);
        Assert.Contains("the tables were loaded and committed, but ANALYZE failed: statistics cannot be computed", output, StringComparison.Ordinal);
        Assert.Contains("hint: the data is in place", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", log, StringComparison.Ordinal);
        Assert.Contains("ANALYZE failed", log, StringComparison.Ordinal);
        Assert.Equal(2L, await CountAsync(url, "items"));
    }

    private static async Task<(int Exit, string Output, string Log)> RunAsync(string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("jaga-import-cli-").FullName;
        try
        {
            var plan = Path.Combine(dir, "jaga.yaml");
            await File.WriteAllTextAsync(plan, "version: 1\nproject: shop\nlog: { file: logs/maintenance.log }\n");
            using var jaga = new RunningJaga(plan, dir, args);
            await jaga.WaitForExitAsync(TimeSpan.FromMinutes(2));
            var log = Path.Combine(dir, "logs", "maintenance.log");
            return (jaga.ExitCode, jaga.Output, File.Exists(log) ? await File.ReadAllTextAsync(log) : "");
        }
        finally
        {
            FixtureFolders.TryDelete(dir);
        }
    }
}
