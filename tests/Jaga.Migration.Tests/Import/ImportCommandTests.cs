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
        Assert.DoesNotContain(Password, output + log, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(url, "customers"));
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
