using System.Globalization;
using System.Text.Json;
using Jaga.Testing;
using Jaga.Testing.Docs;
using Npgsql;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests;

/// <summary>README.md's "Using it" block, run line by line through bash as a new user would, in a project folder whose
/// <c>.env</c> names a real PostgreSQL database: every line exits 0.</summary>
/// <remarks>What the test does beyond the block, each because a test machine is not the reader's server; the README says
/// the same next to the block:
/// <list type="bullet">
/// <item>After <c>jaga init</c>, the plan gets <c>listen:</c> on a free port (8080 may be taken here) and its commented
/// heartbeat example is uncommented, as the ping line's comment asks.</item>
/// <item><c>/mnt/offsite/</c> is a temporary folder; <c>3f9a12bc</c> is the id of the backup the tour made; the restore
/// target is an empty database on the test's server, and the restore gets <c>--yes</c> (no terminal to ask on, as the
/// line's comment says).</item>
/// <item><c>jaga run</c> runs in the background until <c>/readyz</c> answers; the lines after it run beside it, and
/// before <c>jaga run --once</c> ("instead of the daemon") it is stopped with SIGTERM and must exit 0.</item>
/// </list></remarks>
[Collection(MultiNodeCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ReadmeTourTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(3);

    [Fact]
    [Trait("Category", "Integration")]
    public async Task The_readme_tour_runs_line_by_line_against_a_real_postgres()
    {
        var block = DocRuns.Readme.Block();
        var root = Path.Combine(Path.GetTempPath(), "jaga-tour-" + Guid.NewGuid().ToString("N")[..8]);
        var dir = Path.Combine(root, "shop");
        var offsite = Path.Combine(root, "offsite");
        Directory.CreateDirectory(Path.Combine(dir, "uploads"));
        Directory.CreateDirectory(offsite);
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        await File.WriteAllTextAsync(Path.Combine(dir, "uploads", "photo.txt"), "a photo");
        var appUrl = await postgres.CreateDatabaseAsync("app-pw");
        await SeedAsync(appUrl);
        await File.WriteAllTextAsync(Path.Combine(dir, ".env"), $"DATABASE_URL={appUrl}\n");
        var restoredUrl = await postgres.CreateDatabaseAsync("app-pw");
        var shim = Path.Combine(root, "bin", "jaga");
        await File.WriteAllTextAsync(shim, $"#!/bin/sh\nexec dotnet '{RunningJaga.JagaDll}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var port = Loopback.FreePort();
        RunningJaga? daemon = null;
        var last = 0;
        var ran = 0;
        try
        {
            foreach (var (index, command) in block.JagaCommands())
            {
                var where = block.Where(index);
                var line = DocBlocks.WithoutComment(command);
                if (line == "jaga run")
                {
                    daemon = new RunningJaga(Path.Combine(dir, "jaga.yaml"), dir, ["run"]);
                    using var http = new HttpClient();
                    await Poll.UntilAsync(async () => await ReadyAsync(http, port), TimeSpan.FromSeconds(90), () => $"{where}: `jaga run` never became ready:\n{daemon.Output}");
                    ran++;
                    continue;
                }
                if (line == "jaga run --once" && daemon is not null)
                {
                    await daemon.TerminateAsync();
                    await daemon.WaitForExitAsync(TimeSpan.FromSeconds(60));
                    Assert.True(daemon.ExitCode == 0, $"`jaga run` stopped with exit {daemon.ExitCode}:\n{daemon.Output}");
                }
                line = line.Replace("/mnt/offsite/", offsite + "/", StringComparison.Ordinal)
                    .Replace("postgres://app@127.0.0.1/app_restored", restoredUrl, StringComparison.Ordinal);
                if (line.Contains("3f9a12bc", StringComparison.Ordinal)) line = line.Replace("3f9a12bc", await NewestBackupAsync(shim, dir), StringComparison.Ordinal) + " --yes";
                var result = await ChildProcess.RunAsync("bash", ["-c", $"PATH='{Path.GetDirectoryName(shim)}':\"$PATH\"; (exit {last}); {line}"], PerLine, dir);
                output.WriteLine($"$ {command}\n{result.Output}");
                Assert.True(result.ExitCode == 0, $"{where}: `{command}` exited {result.ExitCode}:\n{result.Output}");
                Assert.DoesNotContain("app-pw", result.Output, StringComparison.Ordinal);
                last = result.ExitCode;
                ran++;
                if (line == "jaga init") AfterInit(Path.Combine(dir, "jaga.yaml"), port);
            }
            Assert.True(ran >= 15, $"only {ran} lines of the tour ran");
            Assert.True(await CountAsync(restoredUrl) == 3, "the restored database does not hold the three orders");
        }
        finally
        {
            daemon?.Dispose();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>What the README asks of the reader after <c>jaga init</c>, and the free port a test machine needs.</summary>
    private static void AfterInit(string plan, int port)
    {
        var text = File.ReadAllText(plan);
        Assert.Contains("  # checks:\n", text, StringComparison.Ordinal);
        text = text.Replace("  # checks:\n", "  checks:\n", StringComparison.Ordinal)
            .Replace("  #   - name: nightly-job\n", "    - name: nightly-job\n", StringComparison.Ordinal)
            .Replace("  #     heartbeat:", "      heartbeat:", StringComparison.Ordinal);
        File.WriteAllText(plan, text + $"listen: 127.0.0.1:{port}\n");
    }

    private static async Task<bool> ReadyAsync(HttpClient http, int port)
    {
        try
        {
            return (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<string> NewestBackupAsync(string shim, string dir)
    {
        var list = await ChildProcess.RunAsync(shim, ["backup", "list", "--json"], PerLine, dir);
        Assert.True(list.ExitCode == 0, list.Output);
        using var json = JsonDocument.Parse(list.Output);
        return json.RootElement.EnumerateArray().First(b => b.GetProperty("job").GetString() == "db").GetProperty("id").GetString()!;
    }

    private static async Task SeedAsync(string url)
    {
        await using var db = NpgsqlDataSource.Create(Connection(url));
        await using var create = db.CreateCommand("CREATE TABLE orders (id int PRIMARY KEY, total numeric); INSERT INTO orders VALUES (1, 10), (2, 20), (3, 30)");
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string url)
    {
        await using var db = NpgsqlDataSource.Create(Connection(url));
        await using var count = db.CreateCommand("SELECT count(*) FROM orders");
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Connection(string url)
    {
        var uri = new Uri(url);
        return $"Host={uri.Host};Port={uri.Port};Username={PostgresServer.User};Database={uri.AbsolutePath.TrimStart('/')};Pooling=false";
    }
}
