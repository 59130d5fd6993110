using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jaga.Testing;
using Jaga.Testing.Docs;
using Xunit.Abstractions;

namespace Jaga.Updates.Tests.Example;

/// <summary>The issue's "done when" on the example project: docs/updates.md's "Try it on the example" block, run line by
/// line through bash as a reader runs it from the repository root, on a copy of examples/tokoku (in a temporary folder
/// laid out as the repository is). The example brings its own advisory files and its own PEP 503 index (PIP_INDEX_URL
/// in its .env.production); NuGet and npm are the registries this machine is configured with, live: the test fails,
/// loudly, when they cannot be reached.</summary>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class TokokuExampleTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(15);

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-example-").FullName;

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private string App(string relative) => Path.Combine(dir, "examples", "tokoku", "app", relative);

    [Fact]
    public async Task The_audit_lists_outdated_and_vulnerable_packages_of_all_three_ecosystems_and_apply_rolls_back_the_breaking_one_byte_for_byte()
    {
        Copy(Path.Combine(RepositoryRoot(), "examples", "tokoku"), Path.Combine(dir, "examples", "tokoku"));
        using var shell = new DocShell(dir);
        // The machine's own NuGet.Config and .npmrc (HOME) name the live registries; no pip.conf of the machine's may
        // add an index the example does not name.
        shell.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        shell.Environment["DOTNET_NOLOGO"] = "1";
        var csproj = App("src/Tokoku.Catalog/Tokoku.Catalog.csproj");
        var csprojBefore = File.ReadAllBytes(csproj);
        var requirementsBefore = File.ReadAllText(App("reports/requirements.txt"));

        var ran = new List<string>();
        foreach (var (where, command) in DocRuns.Example.Commands())
        {
            var line = DocBlocks.WithoutComment(command);
            var result = await shell.RunAsync(line, PerLine);
            output.WriteLine($"$ {line}\n{result}");
            var verb = Verb().Match(line).Value;
            Assert.True(result.ExitCode == ExitCode(verb), $"{where}: `{line}` exited {result.ExitCode}, {ExitCode(verb)} expected: {result}");
            ran.Add(verb);
            switch (verb)
            {
                case "deps db update":
                    Assert.Contains("Advisory data updated: 4 advisories (npm, NuGet, PyPI)", result.Output, StringComparison.Ordinal);
                    break;
                case "deps audit":
                    AuditReasons(result.Output);
                    await AuditJsonAsync(shell, line);
                    break;
                case "deps plan":
                    Assert.Contains("Newtonsoft.Json 12.0.1 → 13.0.1 (major) — fixes GHSA-5crp-9r3c-p9vr; security: immediate", result.Output, StringComparison.Ordinal);
                    Assert.Contains("python-dateutil 2.8.2 → 2.9.0.post0 (minor) — minor update, policy review", result.Output, StringComparison.Ordinal);
                    break;
                case "deps update":
                    Assert.Contains("+requests==2.31.0", result.Output, StringComparison.Ordinal);
                    Assert.Equal(csprojBefore, File.ReadAllBytes(csproj));
                    break;
                case "deps update --apply":
                    Applied(result.Output, csprojBefore, requirementsBefore);
                    break;
                default:
                    Assert.Fail($"{where}: `{line}` is a line this test does not know what to expect of");
                    break;
            }
        }
        Assert.Equal(["deps db update", "deps audit", "deps plan", "deps update", "deps update --apply"], ran);

        using var verify = new RunningJaga("examples/tokoku/jaga.yaml", dir, ["audit", "verify"]);
        await verify.WaitForExitAsync(TimeSpan.FromMinutes(2));
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    /// <summary>The audit exits 1 (advisories at or above fail_on); apply exits 1 (an update was rolled back).</summary>
    private static int ExitCode(string verb) => verb is "deps audit" or "deps update --apply" ? 1 : 0;

    private void AuditReasons(string table)
    {
        Assert.Contains("apply: fixes GHSA-5crp-9r3c-p9vr; security: immediate", table, StringComparison.Ordinal);
        Assert.Contains("apply: fixes PYSEC-2023-74; security: immediate", table, StringComparison.Ordinal);
        Assert.Contains("apply: fixes GHSA-p6mc-m468-83gw", table, StringComparison.Ordinal);
        Assert.Contains("apply: patch update, policy auto", table, StringComparison.Ordinal);
        Assert.Contains("review: minor update, policy review", table, StringComparison.Ordinal);
        Assert.Contains($"Registries (PyPI): file://{App("pypi/simple/")}", table, StringComparison.Ordinal);
        Assert.Contains("Audit FAILED: advisories at or above update.fail_on (high).", table, StringComparison.Ordinal);
    }

    /// <summary>The same audit as JSON: every ecosystem has an outdated and a vulnerable package, and every registry answered
    /// (a live registry that cannot be reached makes the report incomplete, and this fails here).</summary>
    private async Task AuditJsonAsync(DocShell shell, string line)
    {
        var result = await shell.RunAsync(line + " --format json", PerLine);
        Assert.True(result.ExitCode == 1, result.Output);
        var report = JsonNode.Parse(result.Stdout[result.Stdout.IndexOf('{', StringComparison.Ordinal)..])!;
        Assert.False((bool)report["incomplete"]!, result.Output);
        var deps = report["dependencies"]!.AsArray().ToDictionary(d => (string)d!["name"]!);
        foreach (var ecosystem in new[] { "NuGet", "npm", "PyPI" })
        {
            var mine = deps.Values.Where(d => (string?)d!["ecosystem"] == ecosystem).ToList();
            Assert.Contains(mine, d => (string?)d!["current"] != (string?)d!["latest"]);
            Assert.Contains(mine, d => d!["advisories"]!.AsArray().Count > 0 && (bool)d["security"]! && (string?)d["decision"] == "apply");
        }
        Assert.Equal(("12.0.1", "13.0.1", "GHSA-5crp-9r3c-p9vr"), Summary(deps["Newtonsoft.Json"]!));
        Assert.Equal(("2.25.1", "2.31.0", "PYSEC-2023-74"), Summary(deps["requests"]!));
        var lodash = deps["lodash"]!["advisories"]!.AsArray().ToDictionary(a => (string)a!["id"]!, a => (string?)a!["fixed_in"]);
        Assert.Equal(("4.17.15", "4.17.20", "4.17.21"), ((string?)deps["lodash"]!["current"], lodash["GHSA-p6mc-m468-83gw"], lodash["GHSA-29mw-wpgm-hmr9"]));
        // The example's index lists requests up to 2.32.3: the security fix goes to 2.31.0, the next minor waits.
        Assert.Equal("2.32.3", (string?)deps["requests"]!["latest"]);
        Assert.Equal(("2.8.2", "2.9.0.post0", "review"), ((string?)deps["python-dateutil"]!["current"], (string?)deps["python-dateutil"]!["target"], (string?)deps["python-dateutil"]!["decision"]));
    }

    private void Applied(string console, byte[] csprojBefore, string requirementsBefore)
    {
        Assert.Contains("FAIL the old system's export, 40 shelves deep, is read whole: JsonReaderException: The reader's MaxDepth of 64 has been exceeded", console, StringComparison.Ordinal);
        var log = File.ReadAllText(Path.Combine(dir, "examples", "tokoku", "logs", "maintenance.log"));
        Assert.Contains("] [WARN] Update rolled back: Newtonsoft.Json==13.0.1: the tests failed (exit code 1, accepted: 0)", log, StringComparison.Ordinal);
        Assert.Contains("] [INFO] Update dependency: requests==2.31.0", log, StringComparison.Ordinal);
        Assert.Contains("] [INFO] Update dependency: lodash==", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Update dependency: Newtonsoft.Json", log, StringComparison.Ordinal);
        // The project file held a rolled-back update and an applied one: byte for byte, only the applied one changed it.
        var humanizer = HumanizerApplied().Match(log);
        Assert.True(humanizer.Success, log);
        var expected = Encoding.UTF8.GetString(csprojBefore).Replace(
            "\"Humanizer.Core\" Version=\"3.0.1\"", $"\"Humanizer.Core\" Version=\"{humanizer.Groups["version"].Value}\"", StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(App("src/Tokoku.Catalog/Tokoku.Catalog.csproj")));
        Assert.Equal(requirementsBefore.Replace("requests==2.25.1", "requests==2.31.0", StringComparison.Ordinal), File.ReadAllText(App("reports/requirements.txt")));
        Assert.DoesNotContain("\"lodash\": \"4.17.15\"", File.ReadAllText(App("web/package-lock.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(App(".jaga/update-rollback")) ? Directory.GetFileSystemEntries(App(".jaga/update-rollback")) : []);
    }

    private static (string? Current, string? Target, string? Advisory) Summary(JsonNode d) =>
        ((string?)d["current"], (string?)d["target"], (string?)d["advisories"]![0]!["id"]);

    /// <summary>The command of a line: <c>deps update --apply</c> from <c>jaga deps update --apply --plan …</c>.</summary>
    [GeneratedRegex(@"(?<=^jaga )deps (db update|audit|plan|update( --apply)?)")]
    private static partial Regex Verb();

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
