using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Testing;

namespace Jaga.Updates.Tests.Example;

/// <summary>The issue's "done when" on the example project, as docs/updates.md ("Try it on the example") tells a reader
/// to run it: examples/tokoku copied to a temporary folder and driven by a child <c>jaga</c> from the folder above it,
/// with the example's own advisory files, its own PEP 503 index (PIP_INDEX_URL in its .env.production), and the NuGet
/// and npm registries this machine is configured with (live: the test fails, loudly, when they cannot be reached).</summary>
[Trait("Category", "Integration")]
public sealed partial class TokokuExampleTests : IDisposable
{
    private const string Plan = "examples/tokoku/jaga.yaml";
    private const string Advisories = "examples/tokoku/advisories";

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-example-").FullName;

    public TokokuExampleTests() => Copy(Path.Combine(RepositoryRoot(), "examples", "tokoku"), Path.Combine(dir, "examples", "tokoku"));

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string App(string relative) => Path.Combine(dir, "examples", "tokoku", "app", relative);

    private async Task<(int Code, string Output)> Jaga(params string[] args)
    {
        // The machine's own NuGet.Config and .npmrc (HOME) name the live registries; no pip.conf of the machine's may
        // add an index the example does not name.
        var env = new Dictionary<string, string> { ["PIP_CONFIG_FILE"] = "/dev/null", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        using var jaga = new RunningJaga(Plan, dir, [.. args, "--lang", "en"], env);
        await jaga.WaitForExitAsync(TimeSpan.FromMinutes(15));
        return (jaga.ExitCode, jaga.Output);
    }

    [Fact]
    public async Task The_audit_lists_outdated_and_vulnerable_packages_of_all_three_ecosystems_and_apply_rolls_back_the_breaking_one_byte_for_byte()
    {
        var db = await Jaga("deps", "db", "update", "--from", $"{Advisories}/NuGet", "--from", $"{Advisories}/npm", "--from", $"{Advisories}/PyPI");
        Assert.True(db.Code == 0, db.Output);
        Assert.Contains("Advisory data updated: 4 advisories (npm, NuGet, PyPI)", db.Output, StringComparison.Ordinal);

        var json = await Jaga("deps", "audit", "--format", "json");
        Assert.True(json.Code == 1, json.Output);
        var report = JsonNode.Parse(json.Output[json.Output.IndexOf('{', StringComparison.Ordinal)..])!;
        // Every registry answered: a live registry that cannot be reached makes the report incomplete, and this fails here.
        Assert.False((bool)report["incomplete"]!, json.Output);
        Assert.True((bool)report["vulnerable"]!);
        var deps = report["dependencies"]!.AsArray().ToDictionary(d => (string)d!["name"]!);
        foreach (var ecosystem in new[] { "NuGet", "npm", "PyPI" })
        {
            var mine = deps.Values.Where(d => (string?)d!["ecosystem"] == ecosystem).ToList();
            Assert.Contains(mine, d => (string?)d!["current"] != (string?)d!["latest"]);
            Assert.Contains(mine, d => d!["advisories"]!.AsArray().Count > 0 && (bool)d["security"]! && (string?)d["decision"] == "apply");
        }
        Assert.Equal(("12.0.1", "13.0.1", "GHSA-5crp-9r3c-p9vr"), Summary(deps["Newtonsoft.Json"]!));
        var lodash = deps["lodash"]!["advisories"]!.AsArray().ToDictionary(a => (string)a!["id"]!, a => (string?)a!["fixed_in"]);
        Assert.Equal(("4.17.15", "4.17.20", "4.17.21"), ((string?)deps["lodash"]!["current"], lodash["GHSA-p6mc-m468-83gw"], lodash["GHSA-29mw-wpgm-hmr9"]));
        Assert.Equal(("2.25.1", "2.31.0", "PYSEC-2023-74"), Summary(deps["requests"]!));
        // The example's index lists requests up to 2.32.3: the security fix goes to 2.31.0, the next minor waits.
        Assert.Equal("2.32.3", (string?)deps["requests"]!["latest"]);
        Assert.Equal(("2.8.2", "2.9.0.post0", "review"), ((string?)deps["python-dateutil"]!["current"], (string?)deps["python-dateutil"]!["target"], (string?)deps["python-dateutil"]!["decision"]));

        // The table gives each decision its reason.
        var table = await Jaga("deps", "audit");
        Assert.True(table.Code == 1, table.Output);
        Assert.Contains("apply: fixes GHSA-5crp-9r3c-p9vr; security: immediate", table.Output, StringComparison.Ordinal);
        Assert.Contains("apply: fixes PYSEC-2023-74; security: immediate", table.Output, StringComparison.Ordinal);
        Assert.Contains("apply: fixes GHSA-p6mc-m468-83gw", table.Output, StringComparison.Ordinal);
        Assert.Contains("apply: patch update, policy auto", table.Output, StringComparison.Ordinal);
        Assert.Contains("review: minor update, policy review", table.Output, StringComparison.Ordinal);
        Assert.Contains($"Registries (PyPI): file://{App("pypi/simple/")}", table.Output, StringComparison.Ordinal);

        var csproj = App("src/Tokoku.Catalog/Tokoku.Catalog.csproj");
        var before = File.ReadAllBytes(csproj);
        var requirements = File.ReadAllText(App("reports/requirements.txt"));

        var apply = await Jaga("deps", "update", "--apply");

        // Exit 1: an update was rolled back. Its failing check says why.
        Assert.True(apply.Code == 1, apply.Output);
        Assert.Contains("FAIL the old system's export, 40 shelves deep, is read whole: JsonReaderException: The reader's MaxDepth of 64 has been exceeded", apply.Output, StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(dir, "examples", "tokoku", "logs", "maintenance.log"));
        Assert.Contains("] [WARN] Update rolled back: Newtonsoft.Json==13.0.1: the tests failed (exit code 1, accepted: 0)", log, StringComparison.Ordinal);
        Assert.Contains("] [INFO] Update dependency: requests==2.31.0", log, StringComparison.Ordinal);
        Assert.Contains("] [INFO] Update dependency: lodash==", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Update dependency: Newtonsoft.Json", log, StringComparison.Ordinal);
        // The project file held a rolled-back update and an applied one: byte for byte, only the applied one changed it.
        var humanizer = HumanizerApplied().Match(log);
        Assert.True(humanizer.Success, log);
        var expected = System.Text.Encoding.UTF8.GetString(before).Replace(
            "\"Humanizer.Core\" Version=\"3.0.1\"", $"\"Humanizer.Core\" Version=\"{humanizer.Groups["version"].Value}\"", StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(csproj));
        Assert.Equal(requirements.Replace("requests==2.25.1", "requests==2.31.0", StringComparison.Ordinal), File.ReadAllText(App("reports/requirements.txt")));
        Assert.DoesNotContain("\"lodash\": \"4.17.15\"", File.ReadAllText(App("web/package-lock.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(App(".jaga/update-rollback")) ? Directory.GetFileSystemEntries(App(".jaga/update-rollback")) : []);

        var verify = await Jaga("audit", "verify");
        Assert.True(verify.Code == 0, verify.Output);
    }

    private static (string? Current, string? Target, string? Advisory) Summary(JsonNode d) =>
        ((string?)d["current"], (string?)d["target"], (string?)d["advisories"]![0]!["id"]);

    [GeneratedRegex(@"\[INFO\] Update dependency: Humanizer\.Core==(?<version>3\.0\.\d+)")]
    private static partial Regex HumanizerApplied();

    /// <summary>The example as a clone has it: what git tracks, without builds, logs or state of an earlier run.</summary>
    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var sub in Directory.GetDirectories(from))
        {
            if (Path.GetFileName(sub) is "bin" or "obj" or ".jaga" or "logs" or "backup" or "node_modules") continue;
            Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Jaga.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("the repository root (Jaga.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
