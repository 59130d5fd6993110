using Jaga.Testing;
using Jaga.Testing.Docs;
using Npgsql;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests.Docs;

/// <summary>docs/backup.md's restore drill, run through bash as written, on the page's own plan snippet for drills (its
/// PostgreSQL job with <c>verify.restore_into</c>) against a real PostgreSQL: it exits 0, and its test command (psql
/// counting the orders of the scratch database) is what passed.</summary>
/// <remarks>What the test adds (the page says so below the block): the snippet gets what every plan has (version, project,
/// env_files, a log file); <c>.env</c> names a database of the test's server holding three orders
/// (<c>DATABASE_URL</c>) and the server itself (<c>VERIFY_DATABASE_URL</c>); <c>jaga backup run db</c> runs first (a drill
/// restores the latest backup).</remarks>
[Collection(MultiNodeCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BackupDocTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(3);

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-backup-doc-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task The_restore_drill_with_a_psql_test_runs_as_the_page_says()
    {
        var snippet = DocBlocks.Of("docs/backup.md").Single(b => b.Language == "yaml" && b.Text.Contains("drills:", StringComparison.Ordinal) && b.Text.Contains("restore_into", StringComparison.Ordinal));
        var appUrl = await postgres.CreateDatabaseAsync("app-pw");
        await using (var db = NpgsqlDataSource.Create(Connection(appUrl)))
        {
            await using var seed = db.CreateCommand("CREATE TABLE orders (id int PRIMARY KEY, total numeric); INSERT INTO orders VALUES (1, 10), (2, 20), (3, 30)");
            await seed.ExecuteNonQueryAsync();
        }
        await File.WriteAllTextAsync(Path.Combine(dir, ".env"), $"DATABASE_URL={appUrl}\nVERIFY_DATABASE_URL={postgres.Url("postgres", "app-pw")}\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "jaga.yaml"), "version: 1\nproject: shop\ntimezone: UTC\nlanguage: en\nenv_files: [.env]\nlog: { file: logs/maintenance.log }\n" + snippet.Text);
        using var shell = new DocShell(dir);
        var backup = await shell.RunAsync("jaga backup run db", PerLine);
        Assert.True(backup.ExitCode == 0, backup.ToString());

        var ran = 0;
        foreach (var (where, command) in DocRuns.Drill.Commands())
        {
            var result = await shell.RunAsync(DocBlocks.WithoutComment(command), PerLine);
            output.WriteLine($"$ {command}\n{result}");
            Assert.True(result.ExitCode == 0, $"{where}: `{command}`: {result}");
            Assert.DoesNotContain("app-pw", result.Output, StringComparison.Ordinal);
            ran++;
        }

        Assert.Equal(1, ran);
        var log = await File.ReadAllTextAsync(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Contains("Restore drill of db passed", log, StringComparison.Ordinal);
        Assert.Contains("the test command passed", log, StringComparison.Ordinal);
    }

    private static string Connection(string url)
    {
        var uri = new Uri(url);
        return $"Host={uri.Host};Port={uri.Port};Username={PostgresServer.User};Database={uri.AbsolutePath.TrimStart('/')};Pooling=false";
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);
}
