using System.IO.Compression;
using System.Text.Json.Nodes;
using Jaga.Cli;
using Jaga.Core.Ports;
using Jaga.Sqlite;
using Jaga.Testing;
using Jaga.Updates.Tests.NuGet;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Feed;

/// <summary>From a dependency audit to the monitoring state, as a user runs it: a .NET project on a NuGet folder feed made by
/// <c>dotnet pack</c>, an OSV zip, <c>jaga deps audit</c> in a child process; then <c>jaga monitor check</c> in-process on a
/// clock moved days ahead (a child process cannot be given a fake clock), which reads what the child's audit stored.</summary>
[Trait("Category", "Integration")]
public sealed class SecurityFeedEndToEndTests(PackedFeed feed) : IClassFixture<PackedFeed>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-feed-e2e-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>GHSA-5crp-9r3c-p9vr as OSV publishes it (Newtonsoft.Json before 13.0.1, HIGH), moved onto the feed's package:
    /// every version before 1.0.1 is affected.</summary>
    private string AdvisoryZip()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Osv", "GHSA-5crp-9r3c-p9vr.json"))
            .Replace("\"name\": \"Newtonsoft.Json\"", $"\"name\": \"{PackedFeed.Id}\"", StringComparison.Ordinal)
            .Replace("\"fixed\": \"13.0.1\"", "\"fixed\": \"1.0.1\"", StringComparison.Ordinal);
        var path = Path.Combine(dir, "osv", "nuget.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var entry = new StreamWriter(zip.CreateEntry("GHSA-5crp-9r3c-p9vr.json").Open())) entry.Write(json);
        return path;
    }

    private static async Task<(int Code, string Output)> Child(string plan, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var jaga = new RunningJaga(plan, Path.GetDirectoryName(plan)!, args, env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (jaga.ExitCode, jaga.Output);
    }

    /// <summary>Runs <c>jaga</c> in this process on a clock standing at <paramref name="at"/>.</summary>
    private static async Task<(int Code, string Out)> At(DateTimeOffset at, string plan, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = ["--plan", plan, .. args];
        var code = await Program.Run(all, new Output(all.Contains("--json"), stdout, stderr, terminal: false), new FakeTimeProvider(at));
        return (code, stdout.ToString() + stderr);
    }

    private static JsonNode Result(string json, string check) =>
        JsonNode.Parse(json)!["checks"]!.AsArray().Single(c => (string?)c!["name"] == check)!;

    [Fact]
    public async Task An_audited_vulnerability_warns_once_overdue_fails_an_expect_on_it_and_is_resolved_by_the_update_and_the_next_audit()
    {
        var plan = Write("jaga.yaml", """
            version: 1
            project: toko
            log: { file: logs/maintenance.log }
            update: { root: app, test: "true" }
            monitoring:
              checks:
                - name: security-updates
                  updates: { overdue_after: 7d }
                  every: 1h
                - name: security-gate
                  updates: { overdue_after: 7d }
                  expect: ["[OVERDUE] == 0"]
            """);
        var project = Write("app/src/Api/Api.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedFeed.Id}" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        Write("app/NuGet.Config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.FolderFeed("1.0.0", "1.0.1", "1.1.0")}" />
              </packageSources>
            </configuration>
            """);
        var env = new Dictionary<string, string> { ["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName };
        var start = DateTimeOffset.UtcNow;

        var never = await At(start, plan, "monitor", "check", "security-updates", "--json");
        Assert.True(never.Code == 0, never.Out);
        Assert.Equal(("warning", "no dependency audit recorded yet: run 'jaga deps audit'"),
            ((string?)Result(never.Out, "security-updates")["outcome"], (string?)Result(never.Out, "security-updates")["reason"]));

        var db = await Child(plan, env, "deps", "db", "update", "--from", AdvisoryZip());
        Assert.True(db.Code == 0, db.Output);
        var audit = await Child(plan, env, "deps", "audit");
        Assert.True(audit.Code == 1, audit.Output);
        Assert.Contains("GHSA-5crp-9r3c-p9vr", audit.Output, StringComparison.Ordinal);
        // The finding was first seen during the audit, before this.
        var audited = DateTimeOffset.UtcNow;

        var dayLater = await At(audited + TimeSpan.FromDays(1), plan, "monitor", "check", "--json");
        Assert.True(dayLater.Code == 0, dayLater.Out);
        Assert.Equal("up", (string?)Result(dayLater.Out, "security-updates")["outcome"]);
        Assert.StartsWith("1 security update(s) pending, none overdue (oldest open 1d)", (string?)Result(dayLater.Out, "security-updates")["reason"], StringComparison.Ordinal);

        var overdue = await At(audited + TimeSpan.FromDays(8), plan, "monitor", "check", "security-updates");
        Assert.True(overdue.Code == 0, overdue.Out);
        Assert.Contains("warning", overdue.Out, StringComparison.Ordinal);
        Assert.Contains($"1 security update(s) overdue (pending longer than 7d): {PackedFeed.Id} 1.0.0 GHSA-5crp-9r3c-p9vr (open 8d)", overdue.Out, StringComparison.Ordinal);
        var gate = await At(audited + TimeSpan.FromDays(8), plan, "monitor", "check", "security-gate", "--json");
        Assert.True(gate.Code == 1, gate.Out);
        Assert.Equal("down", (string?)Result(gate.Out, "security-gate")["outcome"]);
        Assert.EndsWith("[OVERDUE] == 0 failed: [OVERDUE] was 1", (string?)Result(gate.Out, "security-gate")["reason"], StringComparison.Ordinal);

        var update = await Child(plan, env, "deps", "update", "--apply");
        Assert.True(update.Code == 0, update.Output);
        Assert.Contains($"Version=\"1.0.1\"", File.ReadAllText(project), StringComparison.Ordinal);
        var after = await Child(plan, env, "deps", "audit");
        Assert.True(after.Code == 0, after.Output);

        var fixedLater = await At(audited + TimeSpan.FromDays(9), plan, "monitor", "check", "--json");
        Assert.True(fixedLater.Code == 0, fixedLater.Out);
        Assert.Equal("up", (string?)Result(fixedLater.Out, "security-updates")["outcome"]);
        Assert.StartsWith("no security update pending; last dependency audit", (string?)Result(fixedLater.Out, "security-updates")["reason"], StringComparison.Ordinal);
        Assert.Equal("up", (string?)Result(fixedLater.Out, "security-gate")["outcome"]);
        await using var store = await SqliteStateStore.OpenAsync(Path.Combine(dir, ".jaga", "state.db"), TimeProvider.System);
        Assert.Empty(await store.Security.PendingAsync());
        var resolved = Assert.Single(await store.Security.ResolvedAsync(10));
        Assert.Equal((SecurityFindingSource.Dependency, PackedFeed.Id, "1.0.0", "GHSA-5crp-9r3c-p9vr"), (resolved.Source, resolved.Package, resolved.Version, resolved.Advisory));
        Assert.True(resolved.ResolvedAt > resolved.FirstSeen);

        var status = await At(audited + TimeSpan.FromDays(9), plan, "monitor", "status", "security-updates");
        Assert.True(status.Code == 0, status.Out);
        Assert.Contains("security-updates", status.Out, StringComparison.Ordinal);
    }
}
