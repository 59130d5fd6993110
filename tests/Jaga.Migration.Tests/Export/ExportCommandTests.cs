using System.Text.Json.Nodes;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Migration.Tests.Export;

/// <summary><c>jaga migrate export</c> and <c>verify</c> through the real binary: what a user sees and the exit codes.</summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
public sealed class ExportCommandTests(PostgresServer postgres, MariaDbServer mariadb) : IDisposable
{
    private const string Plan = """
        version: 1
        project: shop
        timezone: Asia/Jakarta
        log: { file: logs/maintenance.log }
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-export-cli-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private string PlanPath
    {
        get
        {
            var path = Path.Combine(dir, "jaga.yaml");
            if (!File.Exists(path)) File.WriteAllText(path, Plan);
            return path;
        }
    }

    private async Task<(int Code, string Output)> JagaAsync(params string[] args)
    {
        using var jaga = new RunningJaga(PlanPath, dir, args);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (jaga.ExitCode, jaga.Output);
    }

    private string Log => File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));

    [Fact]
    public async Task An_export_and_a_verify_print_their_result_log_one_line_each_and_exit_0_or_1()
    {
        await ShopSchema.CreateSqliteAsync(Path.Combine(dir, "app.db"));
        var export = await JagaAsync("migrate", "export", "--from", "sqlite:app.db", "--out", "out", "--json");
        Assert.True(export.Code == 0, export.Output);
        var json = JsonNode.Parse(export.Output[export.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.Equal(6, json["rows"]!.GetValue<long>());
        Assert.Equal("people", json["tables"]![0]!["name"]!.GetValue<string>());
        Assert.Contains("Migration export of sqlite:app.db to " + Path.Combine(dir, "out") + " finished: 2 tables, 6 rows", Log, StringComparison.Ordinal);

        var target = await postgres.CreateDatabaseAsync("tgt-Secret-9");
        await ShopSchema.PostgresAsync(target, ShopSchema.PostgresDdl);
        var differ = await JagaAsync("migrate", "verify", "--source", "out", "--target", target);
        Assert.True(differ.Code == 1, differ.Output);
        Assert.Contains("people\t3\t0\tdiffers\tid=1 (only in source); id=2 (only in source); id=3 (only in source)", differ.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("tgt-Secret-9", differ.Output + Log, StringComparison.Ordinal);
        Assert.Contains("Migration verify FAILED", Log, StringComparison.Ordinal);

        await using (var c = new SqliteConnection($"Data Source={Path.Combine(dir, "app.db")}"))
        {
            await c.OpenAsync();
            await using var drop = c.CreateCommand();
            drop.CommandText = "DELETE FROM invoices; DELETE FROM people";
            await drop.ExecuteNonQueryAsync();
        }
        var equal = await JagaAsync("migrate", "verify", "--source", "sqlite:app.db", "--target", target, "--lang", "id");
        Assert.True(equal.Code == 0, equal.Output);
        Assert.Contains("Sama: sqlite:app.db dan postgres://jaga:***@", equal.Output, StringComparison.Ordinal);
        // --lang words the log line too.
        Assert.Contains("Migrasi terverifikasi: sqlite:app.db dan postgres://jaga:***@", Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_value_sqlite_let_into_an_integer_column_stops_the_export_naming_table_row_and_column()
    {
        var db = Path.Combine(dir, "loose.db");
        await using (var c = new SqliteConnection($"Data Source={db}"))
        {
            await c.OpenAsync();
            await using var create = c.CreateCommand();
            create.CommandText = "CREATE TABLE stock (sku TEXT PRIMARY KEY, qty INTEGER); INSERT INTO stock VALUES ('A1', 5), ('B2', 'lots')";
            await create.ExecuteNonQueryAsync();
        }
        var r = await JagaAsync("migrate", "export", "--from", "sqlite:loose.db", "--out", "out");
        Assert.True(r.Code == 2, r.Output);
        Assert.Contains("jaga: table 'stock', sku=B2, column 'qty': the text 'lots' does not fit a bigint column", r.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out", "manifest.json")));
        Assert.Contains("Migration export of sqlite:loose.db to " + Path.Combine(dir, "out") + " FAILED", Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_exit_2_with_a_clear_message_and_no_password()
    {
        await ShopSchema.CreateSqliteAsync(Path.Combine(dir, "app.db"));
        var fifo = Path.Combine(dir, "pipe.db");
        Assert.Equal(0, (await ChildProcess.RunAsync("mkfifo", [fifo], TimeSpan.FromSeconds(10))).ExitCode);
        Directory.CreateDirectory(Path.Combine(dir, "busy"));
        File.WriteAllText(Path.Combine(dir, "busy", "notes.txt"), "mine");

        (string[] Args, string Message)[] cases =
        [
            (["--from", "ftp://host/db", "--out", "o1"], "'ftp://host/db' names no database Jaga can read"),
            (["--from", "sqlite:missing.db", "--out", "o2"], "there is no SQLite database at missing.db"),
            (["--from", "sqlite:pipe.db", "--out", "o3"], "pipe.db is a FIFO (named pipe), not a SQLite database file"),
            (["--from", "sqlite:jaga.yaml", "--out", "o4"], "jaga.yaml cannot be read as a SQLite database"),
            (["--from", "sqlite:app.db", "--out", "o5", "--tables", "people,ghosts"], "sqlite:app.db has no table 'ghosts'"),
            (["--from", "sqlite:app.db", "--out", "busy"], "is not empty and holds no Jaga export"),
            (["--from", mariadb.Url("wrong-Pass-77"), "--out", "o6"], "cannot read mysql://jaga@127.0.0.1:"),
            (["--from", "postgres://u:pw-Leak-5@127.0.0.1:99999/db", "--out", "o7"], "port in the PostgreSQL URL is not a number"),
        ];
        foreach (var (args, message) in cases)
        {
            var r = await JagaAsync(["migrate", "export", .. args]);
            Assert.True(r.Code == 2, $"{string.Join(' ', args)}: {r.Code}\n{r.Output}");
            Assert.Contains(message, r.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-Pass-77", r.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("pw-Leak-5", r.Output, StringComparison.Ordinal);
        }
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "busy", "notes.txt")));
    }

    [Fact]
    public async Task A_previous_export_is_replaced_and_only_its_own_files_go()
    {
        await ShopSchema.CreateSqliteAsync(Path.Combine(dir, "app.db"));
        Assert.Equal(0, (await JagaAsync("migrate", "export", "--from", "sqlite:app.db", "--out", "out")).Code);
        var again = await JagaAsync("migrate", "export", "--from", "sqlite:app.db", "--out", "out", "--tables", "people");
        Assert.True(again.Code == 0, again.Output);
        Assert.Equal([".jaga-export", "manifest.json", "people.csv"], Directory.GetFiles(Path.Combine(dir, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Exported 1 tables, 3 rows", again.Output, StringComparison.Ordinal);
    }
}
