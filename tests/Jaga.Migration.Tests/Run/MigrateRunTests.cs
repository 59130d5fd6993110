using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Jaga.Core.Env;
using Jaga.Testing;
using Jaga.Testing.Docs;
using Npgsql;
using Xunit.Abstractions;

namespace Jaga.Migration.Tests.Run;

/// <summary><c>jaga migrate run</c> through the real binary on a copy of the example plan (laid out as the repository is),
/// its target the fixture's PostgreSQL (DATABASE_URL in the environment wins over .env.production, as in any plan).</summary>
[Collection(DatabaseServers.Name)]
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class MigrateRunTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const string Password = "pg-S3cret-for-migration";
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(5);

    private readonly string repository = Directory.CreateTempSubdirectory("jaga-migrate-run-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(repository);

    [Fact]
    public async Task The_docs_block_takes_the_starter_kit_into_postgresql_with_every_step_logged_and_a_sealed_receipt_whose_hashes_match()
    {
        var example = ExamplePlan.CopyTo(repository);
        var url = await postgres.CreateDatabaseAsync(Password);
        using var shell = new DocShell(repository);
        shell.Environment["DATABASE_URL"] = url;
        var ran = new List<string>();
        foreach (var (where, command) in DocRuns.MigrateRun.Commands())
        {
            var line = DocBlocks.WithoutComment(command);
            var result = await shell.RunAsync(line, PerLine);
            output.WriteLine($"$ {line}\n{result}");
            Assert.DoesNotContain(Password, result.Output, StringComparison.Ordinal);
            var expected = ran.Count == 0 && line.StartsWith("jaga env check", StringComparison.Ordinal) ? 1 : 0;
            Assert.True(result.ExitCode == expected, $"{where}: `{line}` exited {result.ExitCode}, {expected} expected: {result}");
            if (line.StartsWith("jaga env check", StringComparison.Ordinal) && ran.Count == 0)
                Assert.Contains("KURANG   DB_ENGINE  (diperlukan oleh examples/tokoku/.env.example)", result.Output, StringComparison.Ordinal);
            if (line.EndsWith("--dry-run", StringComparison.Ordinal)) Assert.False(Directory.Exists(Path.Combine(example, ".jaga")), "the dry run made .jaga");
            ran.Add(line);
        }
        Assert.Contains(ran, l => l == "jaga migrate run --plan examples/tokoku/jaga.yaml");

        var log = File.ReadAllText(Path.Combine(example, "logs", "maintenance.log"));
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        var steps = new[] { "1/5 ekspor", "2/5 impor", "3/5 file env", "4/5 tes integrasi", "5/5 verifikasi" }
            .Select(s => log.IndexOf($"Langkah migrasi {s} selesai", StringComparison.Ordinal)).ToList();
        Assert.True(steps.All(i => i >= 0) && steps.SequenceEqual(steps.Order()), log);
        Assert.Contains("Migrasi sqlite:data/app.db → postgres://jaga:***@127.0.0.1:", log, StringComparison.Ordinal);
        Assert.Contains("Env DB_ENGINE diatur di .env.production (ditambahkan", log, StringComparison.Ordinal);

        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(example, ".jaga", "migration")));
        var receiptJson = File.ReadAllBytes(Path.Combine(folder, "migration-receipt.json"));
        var receipt = JsonNode.Parse(receiptJson)!;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("succeeded", (string?)receipt["outcome"]);
        var tables = receipt["tables"]!.AsArray();
        Assert.Equal(5, tables.Count);
        foreach (var t in tables)
        {
            var name = (string)t!["name"]!;
            var m = manifest["tables"]!.AsArray().Single(x => (string?)x!["name"] == name)!;
            Assert.Equal((string?)m["content_sha256"], (string?)t["source_content_sha256"]);
            Assert.Equal((string?)t["source_content_sha256"], (string?)t["target_content_sha256"]);
            Assert.Equal((long)m["rows"]!, (long)t["target_rows"]!);
            Assert.Equal(Sha256(File.ReadAllBytes(Path.Combine(folder, (string)m["file"]!))), (string?)t["csv_sha256"]);
        }
        var hmacKey = Convert.FromHexString(File.ReadAllText(Path.Combine(example, ".jaga", "env-hmac.key")).Trim());
        Assert.Equal(EnvValue.Hmac("postgresql", hmacKey), (string?)receipt["env"]!["keys"]![0]!["value_hmac"]);
        Assert.True((bool)receipt["test"]!["passed"]!);
        Assert.Contains("integration check passed: 6 products", (string?)receipt["test"]!["tail"], StringComparison.Ordinal);
        Assert.Contains("| order_items | 6 | 6 |", File.ReadAllText(Path.Combine(folder, "migration-receipt.md")), StringComparison.Ordinal);

        // The run's one migration.run entry holds the receipt's hash, and the checkpoint beside it seals the chain that holds it.
        var entries = await shell.RunAsync("jaga log --plan examples/tokoku/jaga.yaml --json --grep Migrasi", PerLine);
        var run = Assert.Single(JsonNode.Parse(entries.Stdout)!.AsArray(), e => (string?)e!["kind"] == "migration.run")!;
        Assert.Equal(Sha256(receiptJson), (string?)run["data"]!["receipt_json_sha256"]);
        var anchor = Path.Combine(folder, "migration-checkpoint.json");
        var verify = await shell.RunAsync($"jaga audit verify --plan examples/tokoku/jaga.yaml --anchor '{anchor}'", PerLine);
        Assert.True(verify.ExitCode == 0, verify.ToString());

        await using var db = Database(url);
        await using var count = db.CreateCommand("SELECT count(*) FROM order_items");
        Assert.Equal(6L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_failing_test_command_stops_the_run_before_verify_with_a_clear_log_line_and_a_failed_receipt()
    {
        var example = ExamplePlan.CopyTo(repository);
        var plan = Path.Combine(example, "jaga.yaml");
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"sh app/tests/migration/check.sh\"", "\"sh -c 'echo orders do not add up; exit 3'\"", StringComparison.Ordinal));
        var url = await postgres.CreateDatabaseAsync(Password);

        var run = await JagaAsync(example, url, "--lang", "en", "migrate", "run");

        Assert.True(run.ExitCode == 1, run.Output);
        var log = File.ReadAllText(Path.Combine(example, "logs", "maintenance.log"));
        Assert.Contains("Migration step 3/5 env file done", log, StringComparison.Ordinal);
        Assert.Contains("Migration step 4/5 integration tests FAILED: sh -c 'echo orders do not add up; exit 3' exited 3", log, StringComparison.Ordinal);
        Assert.Contains("orders do not add up", log, StringComparison.Ordinal);
        Assert.DoesNotContain("step 5/5", log, StringComparison.Ordinal);
        Assert.Contains("FAILED at step integration tests", log, StringComparison.Ordinal);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(example, ".jaga", "migration")));
        var receipt = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "migration-receipt.json")))!;
        Assert.Equal("failed", (string?)receipt["outcome"]);
        Assert.Equal("test", (string?)receipt["failed_step"]);
        Assert.False((bool)receipt["test"]!["passed"]!);
        Assert.Equal(3, (int)receipt["test"]!["exit_code"]!);
        Assert.True(File.Exists(Path.Combine(folder, "migration-checkpoint.json")));
    }

    [Fact]
    public async Task A_dry_run_shows_the_five_steps_and_touches_nothing()
    {
        var example = ExamplePlan.CopyTo(repository);
        var before = Snapshot(example);
        var url = await postgres.CreateDatabaseAsync(Password);

        var dry = await JagaAsync(example, url, "--lang", "en", "migrate", "run", "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.Output);
        foreach (var s in (string[])["1. export sqlite:data/app.db to .jaga/migration/", "2. import", "3. set DB_ENGINE in .env.production", "4. run the integration tests: sh app/tests/migration/check.sh", "5. verify"])
            Assert.Contains(s, dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, dry.Output, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(example));
        await using var db = Database(url);
        await using var tables = db.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_test_command_given_a_secret_through_a_variable_never_shows_it()
    {
        var example = ExamplePlan.CopyTo(repository);
        var plan = Path.Combine(example, "jaga.yaml");
        var text = await File.ReadAllTextAsync(plan);
        await File.WriteAllTextAsync(plan, text.Replace("test: \"sh app/tests/migration/check.sh\"", "test: \"sh app/tests/migration/check.sh ${DATABASE_URL}\"", StringComparison.Ordinal));
        Assert.Contains("${DATABASE_URL}\"", await File.ReadAllTextAsync(plan), StringComparison.Ordinal);
        var url = await postgres.CreateDatabaseAsync(Password);

        var dry = await JagaAsync(example, url, "--lang", "en", "migrate", "run", "--dry-run");
        var json = await JagaAsync(example, url, "--json", "migrate", "run", "--dry-run");

        Assert.True(dry.ExitCode == 0, dry.Output);
        Assert.Contains("4. run the integration tests: sh app/tests/migration/check.sh postgres://", dry.Output, StringComparison.Ordinal);
        Assert.Contains(":***@", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, json.Output, StringComparison.Ordinal);
    }

    private static Task<ChildProcess.Result> JagaAsync(string example, string url, params string[] args) =>
        ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", Path.Combine(example, "jaga.yaml"), .. args], PerLine, example,
            new Dictionary<string, string> { ["DATABASE_URL"] = url });

    /// <summary>The fixture's database a <c>postgres://</c> URL names, for reading what the run left there.</summary>
    private NpgsqlDataSource Database(string url) => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder
    {
        Host = PostgresServer.Host,
        Port = postgres.Port,
        Username = PostgresServer.User,
        Database = new Uri(url).AbsolutePath.TrimStart('/'),
        Pooling = false,
    }.ConnectionString);

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), f => Sha256(File.ReadAllBytes(f)));

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
