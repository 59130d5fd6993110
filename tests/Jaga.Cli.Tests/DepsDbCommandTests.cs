using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga deps db update</c> and <c>status</c> in-process, over zips built from real OSV documents (linked from
/// tests/Jaga.Updates.Tests/Osv), from files and from a real HTTP server on loopback.</summary>
public sealed class DepsDbCommandTests
{
    private const string Plan = """
        version: 1
        project: toko
        timezone: UTC
        language: en
        log: { file: logs/maintenance.log }
        """;

    private static string Zip(string dir, string name, params string[] advisories)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var a in advisories) zip.CreateEntryFromFile(Path.Combine(AppContext.BaseDirectory, "Osv", a + ".json"), a + ".json");
        return path;
    }

    [Fact]
    public async Task Update_from_files_imports_logs_one_line_and_status_tells_the_ages()
    {
        using var ws = new Workspace(Plan, "");
        var npm = Zip(ws.Dir, "dl/npm.zip", "GHSA-p6mc-m468-83gw", "GHSA-29mw-wpgm-hmr9");
        var nuget = Zip(ws.Dir, "dl/nuget.zip", "GHSA-5crp-9r3c-p9vr");

        var before = await ws.Jaga("deps", "db", "status");
        var update = await ws.Jaga("deps", "db", "update", "--from", npm, "--from", nuget);
        ws.Clock.Advance(TimeSpan.FromHours(3));
        var status = await ws.Jaga("deps", "db", "status", "--json");
        var table = await ws.Jaga("deps", "db", "status");

        Assert.True(before.Code == 0, before.ToString());
        Assert.Contains("No advisory data yet", before.Out, StringComparison.Ordinal);
        Assert.True(update.Code == 0, update.ToString());
        Assert.Contains($"npm: 2 advisories from {npm}", update.Out, StringComparison.Ordinal);
        Assert.Contains($"NuGet: 1 advisories from {nuget}", update.Out, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(ws.LogPath));
        Assert.Contains("[INFO] Advisory data updated: 3 advisories (npm, NuGet)", line, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ws.Dir, ".jaga", "advisories.db")));

        Assert.True(status.Code == 0, status.ToString());
        var json = JsonNode.Parse(status.Out)!;
        Assert.Equal(Path.Combine(ws.Dir, ".jaga", "advisories.db"), (string?)json["database"]);
        var ecosystems = json["ecosystems"]!.AsArray().ToDictionary(e => (string)e!["ecosystem"]!);
        Assert.Equal((2, npm), ((int)ecosystems["npm"]!["advisories"]!, (string?)ecosystems["npm"]!["source"]));
        Assert.Equal(1, (int)ecosystems["NuGet"]!["advisories"]!);
        Assert.InRange((double)ecosystems["npm"]!["age_s"]!, 3 * 3600, 3 * 3600 + 60);
        Assert.Null(ecosystems["PyPI"]!["imported_at"]);
        Assert.Contains("npm\t", table.Out, StringComparison.Ordinal);
        Assert.Contains("\t3h\t2\t", table.Out, StringComparison.Ordinal);
        Assert.Contains("PyPI\tnever\t-\t0\t-", table.Out, StringComparison.Ordinal);

        var audit = await ws.Jaga("audit", "verify");
        Assert.True(audit.Code == 0, audit.ToString());
    }

    [Fact]
    public async Task A_file_that_is_not_an_OSV_zip_is_exit_2_with_the_file_and_the_fix_and_changes_nothing()
    {
        using var ws = new Workspace(Plan, "");
        var npm = Zip(ws.Dir, "dl/npm.zip", "GHSA-p6mc-m468-83gw");
        var notes = Path.Combine(ws.Dir, "dl", "notes.zip");
        File.WriteAllText(notes, "not a zip");
        await ws.Jaga("deps", "db", "update", "--from", npm);

        var notZip = await ws.Jaga("deps", "db", "update", "--from", notes);
        var missing = await ws.Jaga("deps", "db", "update", "--from", Path.Combine(ws.Dir, "nope.zip"));
        var status = await ws.Jaga("deps", "db", "status", "--json");

        Assert.Equal(2, notZip.Code);
        Assert.Contains($"jaga: {notes} is not a zip file", notZip.Err, StringComparison.Ordinal);
        Assert.Contains("hint: give an OSV dump such as https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip", notZip.Err, StringComparison.Ordinal);
        Assert.Equal(2, missing.Code);
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);
        var npmRow = JsonNode.Parse(status.Out)!["ecosystems"]!.AsArray().Single(e => (string?)e!["ecosystem"] == "npm")!;
        Assert.Equal((1, npm), ((int)npmRow["advisories"]!, (string?)npmRow["source"]));
        Assert.Single(File.ReadAllLines(ws.LogPath));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Update_from_a_URL_downloads_it_and_stores_the_source_without_credentials_and_an_unreachable_one_is_exit_1()
    {
        using var ws = new Workspace(Plan, "");
        var site = Path.Combine(ws.Dir, "site");
        Zip(site, "PyPI/all.zip", "PYSEC-2023-74", "PYSEC-2021-857", "PYSEC-2019-108-withdrawn");
        var port = Loopback.FreePort();
        var server = ChildProcess.Start("python3", ["-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", site]);
        try
        {
            await WaitForPortAsync(port, server);

            var update = await ws.Jaga("deps", "db", "update", "--from", $"http://mirror:s3cret-token@127.0.0.1:{port}/PyPI/all.zip?sig=abc123", "--json");
            var unreachable = await ws.Jaga("deps", "db", "update", "--from", $"http://127.0.0.1:{Loopback.FreePort()}/npm/all.zip");
            var wrong = await ws.Jaga("deps", "db", "update", "--from", $"http://127.0.0.1:{port}/npm/all.zip");
            var status = await ws.Jaga("deps", "db", "status", "--json");

            Assert.True(update.Code == 0, update.ToString());
            var import = JsonNode.Parse(update.Out)!["imports"]![0]!;
            Assert.Equal(("PyPI", 2), ((string?)import["ecosystem"], (int)import["advisories"]!));
            Assert.Equal($"http://127.0.0.1:{port}/PyPI/all.zip", (string?)import["source"]);
            Assert.Equal(1, unreachable.Code);
            Assert.Contains("cannot download", unreachable.Err, StringComparison.Ordinal);
            Assert.Equal(2, wrong.Code);
            Assert.Contains("answered 404", wrong.Err, StringComparison.Ordinal);
            var rows = JsonNode.Parse(status.Out)!["ecosystems"]!.AsArray();
            Assert.Equal(1, rows.Count(r => r!["imported_at"] is not null));
            var log = File.ReadAllText(ws.LogPath);
            Assert.Contains("Advisory data updated: 2 advisories (PyPI)", log, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret-token", log + update.Out + status.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("abc123", log + update.Out + status.Out, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "jaga-osv-*.zip").Where(f => File.GetLastWriteTimeUtc(f) > DateTime.UtcNow.AddMinutes(-5)));
        }
        finally
        {
            ChildProcess.KillTree(server);
        }
    }

    private static async Task WaitForPortAsync(int port, Process server)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (server.HasExited) throw new InvalidOperationException($"python3 -m http.server ended: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"python3 -m http.server did not listen on {port}");
    }
}
