using System.IO.Compression;
using System.Text.Json.Nodes;
using Jaga.Testing;
using Jaga.Updates.Tests.NuGet;
using Jaga.Updates.Tests.Registries;

namespace Jaga.Updates.Tests.Audit;

/// <summary><c>jaga deps audit</c> and <c>jaga deps plan</c> as a user runs them, in a child process, on a project with all
/// three ecosystems, each asked of a real registry its own configuration names: a NuGet folder feed made by
/// <c>dotnet pack</c> (NuGet.Config), Verdaccio (.npmrc), a PEP 503 index (PIP_INDEX_URL); and OSV data imported from zips
/// of real advisories with <c>jaga deps db update</c>.</summary>
[Trait("Category", "Integration")]
public sealed class DepsAuditEndToEndTests(PackedFeed feed, NpmTestRegistry npm) : IClassFixture<PackedFeed>, IClassFixture<NpmTestRegistry>, IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-deps-e2e-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Zip(string name, params string[] advisories)
    {
        var path = Path.Combine(dir, "osv", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var a in advisories) zip.CreateEntryFromFile(Path.Combine(AppContext.BaseDirectory, "Osv", a + ".json"), a + ".json");
        return path;
    }

    private static async Task<(int Code, string Output)> Jaga(string plan, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        using var jaga = new RunningJaga(plan, Path.GetDirectoryName(plan)!, args, env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (jaga.ExitCode, jaga.Output);
    }

    [Fact]
    public async Task Outdated_and_vulnerable_packages_of_three_ecosystems_with_the_policy_s_decisions_and_a_loud_failure()
    {
        await using var pypi = await SimpleIndexServer.StartAsync();
        await pypi.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0-py3-none-any.whl", null), ("requests-2.31.0.tar.gz", null));
        await pypi.AddProjectAsync("numpy", ("numpy-1.26.0.tar.gz", null), ("numpy-1.26.4.tar.gz", null), ("numpy-2.0.0.tar.gz", null), ("numpy-2.1.0rc1.tar.gz", null));
        var folderFeed = feed.FolderFeed("1.0.0", "1.0.1", "1.1.0", "2.0.0-beta.1");
        var plan = Write("jaga.yaml", "version: 1\nproject: toko\nlog: { file: logs/maintenance.log }\nupdate:\n  root: app\n  fail_on: high\n");
        Write("app/src/Api/Api.csproj", $"""
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
                <add key="local" value="{folderFeed}" />
              </packageSources>
            </configuration>
            """);
        Write("app/web/package.json", $$"""
            {
              "name": "toko-web",
              "version": "1.0.0",
              "dependencies": { "{{NpmTestRegistry.Public}}": "1.0.0" }
            }
            """);
        Write("app/web/.npmrc", $"registry={npm.Server.Url}\n");
        Write("app/requirements.txt", "requests==2.25.0\nnumpy==1.26.0  # pinned by the data team\n");
        var home = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName;
        var env = new Dictionary<string, string> { ["HOME"] = home, ["PIP_INDEX_URL"] = pypi.IndexUrl, ["PIP_CONFIG_FILE"] = "/dev/null" };

        var blind = await Jaga(plan, env, "deps", "audit");
        Assert.True(blind.Code == 1, blind.Output);
        Assert.Contains("NO ADVISORY DATA for NuGet", blind.Output, StringComparison.Ordinal);
        Assert.Contains("Audit FAILED: it has no data", blind.Output, StringComparison.Ordinal);

        var db = await Jaga(plan, env, "deps", "db", "update", "--from", Zip("pypi.zip", "PYSEC-2023-74", "PYSEC-2021-857"),
            "--from", Zip("npm.zip", "GHSA-p6mc-m468-83gw"), "--from", Zip("nuget.zip", "GHSA-5crp-9r3c-p9vr"));
        Assert.True(db.Code == 0, db.Output);

        var json = await Jaga(plan, env, "deps", "audit", "--format", "json");
        Assert.True(json.Code == 1, json.Output);
        var report = JsonNode.Parse(json.Output[json.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.False((bool)report["passed"]!);
        Assert.True((bool)report["vulnerable"]!);
        Assert.False((bool)report["incomplete"]!, json.Output);
        var deps = report["dependencies"]!.AsArray().ToDictionary(d => (string)d!["name"]!);
        Assert.Equal(4, deps.Count);
        // No source file imports them, and the .NET project was never restored: advice, never a reason to fail.
        var unused = report["unused"]!.AsArray().Select(u => (string)u!["name"]!).ToList();
        Assert.Equal(3, unused.Count);
        Assert.Contains("requests", unused);
        Assert.Contains(NpmTestRegistry.Public, unused);
        Assert.Equal(PackedFeed.Id, (string?)report["unused_unchecked"]!.AsArray().Single()!["name"]);

        var requests = deps["requests"]!;
        Assert.Equal(("2.25.0", "2.31.0", "apply", true, "minor"), ((string?)requests["current"], (string?)requests["target"], (string?)requests["decision"], (bool)requests["security"]!, (string?)requests["update_type"]));
        var advisory = requests["advisories"]!.AsArray().Single()!;
        Assert.Equal(("PYSEC-2023-74", "2.31.0"), ((string?)advisory["id"], (string?)advisory["fixed_in"]));
        Assert.Equal(("requirements.txt", 1), ((string?)requests["manifest"], (int)requests["line"]!));

        var numpy = deps["numpy"]!;
        Assert.Equal(("1.26.4", "apply", "patch", "2.0.0"), ((string?)numpy["target"], (string?)numpy["decision"], (string?)numpy["update_type"], (string?)numpy["latest"]));

        var tiny = deps[PackedFeed.Id]!;
        Assert.Equal(("NuGet", "1.0.1", "apply", "1.1.0"), ((string?)tiny["ecosystem"], (string?)tiny["target"], (string?)tiny["decision"], (string?)tiny["latest"]));
        Assert.Equal("src/Api/Api.csproj", (string?)tiny["manifest"]);

        // 1.0.1 is deprecated on the registry: never proposed; the minor update waits for review by the default policy.
        var pad = deps[NpmTestRegistry.Public]!;
        Assert.Equal(("1.1.0", "review", "2.0.0"), ((string?)pad["target"], (string?)pad["decision"], (string?)pad["latest"]));

        var table = await Jaga(plan, env, "deps", "audit");
        Assert.True(table.Code == 1, table.Output);
        Assert.Contains("Audit FAILED: advisories at or above update.fail_on (high)", table.Output, StringComparison.Ordinal);
        Assert.Contains("Registries (PyPI): " + pypi.IndexUrl, table.Output, StringComparison.Ordinal);

        var sarif = await Jaga(plan, env, "deps", "audit", "--format", "sarif");
        var result = JsonNode.Parse(sarif.Output[sarif.Output.IndexOf('{', StringComparison.Ordinal)..])!["runs"]![0]!["results"]!.AsArray().Single()!;
        Assert.Equal(("PYSEC-2023-74", "error"), ((string?)result["ruleId"], (string?)result["level"]));
        Assert.Equal(1, (int)result["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);

        var planned = await Jaga(plan, env, "deps", "plan");
        Assert.True(planned.Code == 0, planned.Output);
        Assert.Contains("Will be applied (3)", planned.Output, StringComparison.Ordinal);
        Assert.Contains("Waits for review (1)", planned.Output, StringComparison.Ordinal);
        Assert.Contains("requests 2.25.0 → 2.31.0", planned.Output, StringComparison.Ordinal);
        // Each audit keeps its result beside the state, the dashboard's updates page reads it (no registry asked there).
        var kept = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, ".jaga", "deps-audit.json")))!["dependencies"]!.AsArray();
        Assert.Equal(4, kept.Count);
        Assert.Contains("PYSEC-2023-74", (string?)kept.Single(d => (string?)d!["name"] == "requests")!["why"], StringComparison.Ordinal);

        var log = File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Contains("[WARN] Dependency audit: 4 packages, 4 outdated, 1 vulnerable, 3 to apply, 1 waiting for review", log, StringComparison.Ordinal);
        var verify = await Jaga(plan, env, "audit", "verify");
        Assert.True(verify.Code == 0, verify.Output);
    }

    [Fact]
    public async Task A_suppression_keeps_an_advisory_from_failing_the_audit_and_every_use_is_logged()
    {
        await using var pypi = await SimpleIndexServer.StartAsync();
        await pypi.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0.tar.gz", null));
        var plan = Write("jaga.yaml", """
            version: 1
            project: toko
            log: { file: logs/maintenance.log }
            update:
              root: app
              suppress:
                - { advisory: CVE-2023-32681, package: requests, reason: "no proxies with credentials here", owner: rina, expires: 2999-01-01 }
            """);
        Write("app/requirements.txt", "requests==2.25.0\n");
        var env = new Dictionary<string, string> { ["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName, ["PIP_INDEX_URL"] = pypi.IndexUrl, ["PIP_CONFIG_FILE"] = "/dev/null" };
        Assert.Equal(0, (await Jaga(plan, env, "deps", "db", "update", "--from", Zip("pypi.zip", "PYSEC-2023-74"))).Code);

        var audit = await Jaga(plan, env, "deps", "audit");

        Assert.True(audit.Code == 0, audit.Output);
        Assert.Contains("PYSEC-2023-74", audit.Output, StringComparison.Ordinal);
        Assert.Contains("(suppressed)", audit.Output, StringComparison.Ordinal);
        Assert.Contains("Audit passed.", audit.Output, StringComparison.Ordinal);
        // Nothing imports requests here: reported as probably unused, and the audit still passes.
        Assert.Contains("Probably unused (1):", audit.Output, StringComparison.Ordinal);
        Assert.Contains("requests (PyPI, requirements.txt:1): no .py file under ./ imports requests (scanned 0 files)", audit.Output, StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Contains("[INFO] Advisory PYSEC-2023-74 on requests 2.25.0 suppressed until 2999-01-01 (owner rina): no proxies with credentials here", log, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Update_shows_the_diff_then_applies_what_passes_the_tests_and_rolls_back_what_breaks_them()
    {
        await using var pypi = await SimpleIndexServer.StartAsync();
        await pypi.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0.tar.gz", null));
        await pypi.AddProjectAsync("numpy", ("numpy-1.26.0.tar.gz", null), ("numpy-1.26.4.tar.gz", null), ("numpy-2.0.0.tar.gz", null));
        var plan = Write("jaga.yaml", "version: 1\nproject: toko\nlog: { file: logs/maintenance.log }\nupdate:\n  root: app\n  test: python3 check.py\n");
        var requirements = Write("app/requirements.txt", "requests==2.25.0\r\nnumpy==1.26.0  # pinned by the data team\r\n");
        // The project's "tests": they break on the requests update and pass on anything else.
        Write("app/check.py", "import sys\ntext = open('requirements.txt').read()\nif 'requests==2.31.0' in text:\n    print('requests 2.31 breaks the session adapter')\n    sys.exit(3)\n");
        var env = new Dictionary<string, string> { ["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName, ["PIP_INDEX_URL"] = pypi.IndexUrl, ["PIP_CONFIG_FILE"] = "/dev/null" };
        Assert.Equal(0, (await Jaga(plan, env, "deps", "db", "update", "--from", Zip("pypi.zip", "PYSEC-2023-74"))).Code);
        var before = File.ReadAllBytes(requirements);

        var dry = await Jaga(plan, env, "deps", "update");
        Assert.True(dry.Code == 0, dry.Output);
        Assert.Contains("-requests==2.25.0", dry.Output, StringComparison.Ordinal);
        Assert.Contains("+requests==2.31.0", dry.Output, StringComparison.Ordinal);
        Assert.Contains("+numpy==1.26.4  # pinned by the data team", dry.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(requirements));

        var apply = await Jaga(plan, env, "deps", "update", "--apply");

        Assert.True(apply.Code == 1, apply.Output);
        Assert.Equal("requests==2.25.0\r\nnumpy==1.26.4  # pinned by the data team\r\n", File.ReadAllText(requirements));
        var log = File.ReadAllText(Path.Combine(dir, "logs", "maintenance.log"));
        Assert.Contains("[INFO] Update dependency: numpy==1.26.4", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Update dependency: requests", log, StringComparison.Ordinal);
        Assert.Contains("requests 2.31 breaks the session adapter", apply.Output, StringComparison.Ordinal);
        Assert.Contains("[WARN]", log, StringComparison.Ordinal);
    }
}
