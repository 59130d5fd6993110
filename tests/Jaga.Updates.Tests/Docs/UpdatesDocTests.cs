using System.Text.Json.Nodes;
using Jaga.Testing;
using Jaga.Testing.Docs;
using Jaga.Updates.Tests.Advisories;
using Jaga.Updates.Tests.Patches;
using Xunit.Abstractions;

namespace Jaga.Updates.Tests.Docs;

/// <summary>docs/updates.md's command lines, run through bash as a reader runs them: the advisory database's lines, the
/// audit's, and <c>jaga patches --security-only</c> on this machine's real apt-get. Every line exits as the page says.</summary>
/// <remarks>The scenario, and what the test puts in place of what a test machine lacks (the page says so below its blocks):
/// <list type="bullet">
/// <item>A Python project (<c>requirements.txt</c>, with versions no advisory affects) whose index is a real PEP 503
/// index on loopback (<c>PIP_INDEX_URL</c>), the plan's <c>update</c> section with <c>fail_on: high</c>: the audit
/// passes (exit 0).</item>
/// <item><c>jaga deps db update</c> without <c>--from</c> downloads from osv.dev: its two lines carry the page's
/// "not run" mark. The lines of "Updating it" run first, and their data stands in for that download in the audit's
/// block: <c>npm-all.zip</c> is a dump in the project folder, and <c>https://mirror.example</c> is the same loopback
/// server, serving <c>/osv/npm/all.zip</c> and <c>/osv/PyPI/all.zip</c> (OSV documents of lodash, requests and numpy
/// from <c>Osv/</c>).</item>
/// <item><c>jaga patches --security-only</c> exits 1 when this machine has a security update pending, else 0: the test
/// counts them in <c>apt-get -s upgrade</c> itself.</item>
/// </list></remarks>
[Trait("Category", "Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdatesDocTests(ITestOutputHelper output) : IDisposable
{
    private const string Mirror = "https://mirror.example";
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(3);

    private readonly string dir = Directory.CreateTempSubdirectory("jaga-updates-doc-").FullName;

    [Fact]
    public async Task The_update_page_s_commands_run_as_it_says()
    {
        await using var index = await SimpleIndexServer.StartAsync();
        await index.AddProjectAsync("requests", ("requests-2.25.0.tar.gz", null), ("requests-2.31.0.tar.gz", null), ("requests-2.32.3.tar.gz", null));
        await index.AddProjectAsync("numpy", ("numpy-1.26.0.tar.gz", null), ("numpy-1.26.4.tar.gz", null), ("numpy-2.0.0.tar.gz", null));
        Directory.CreateDirectory(Path.Combine(index.Root, "osv", "npm"));
        Directory.CreateDirectory(Path.Combine(index.Root, "osv", "PyPI"));
        OsvZips.Write(Path.Combine(index.Root, "osv", "npm"), "all.zip", "GHSA-p6mc-m468-83gw", "GHSA-29mw-wpgm-hmr9");
        OsvZips.Write(Path.Combine(index.Root, "osv", "PyPI"), "all.zip", "PYSEC-2023-74", "PYSEC-2021-857");
        OsvZips.Write(dir, "npm-all.zip", "GHSA-p6mc-m468-83gw");
        await File.WriteAllTextAsync(Path.Combine(dir, "requirements.txt"), "requests==2.31.0\nnumpy==1.26.0\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "jaga.yaml"), """
            version: 1
            project: shop
            timezone: UTC
            language: en
            log: { file: logs/maintenance.log }
            update:
              root: .
              manifests: auto
              policy: { security: immediate, patch: auto, minor: review, major: manual }
              fail_on: high
              advisories_max_age: 7d
            """);
        using var shell = new DocShell(dir);
        shell.Environment["HOME"] = Directory.CreateDirectory(Path.Combine(dir, "home")).FullName;
        shell.Environment["PIP_INDEX_URL"] = index.IndexUrl;
        shell.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        var server = index.IndexUrl[..index.IndexUrl.IndexOf("/simple/", StringComparison.Ordinal)];
        var securityPending = await OsPatchesTests.CountAsync("grep '^Inst' | grep -c -- '-security'");
        var ran = 0;
        foreach (var run in (DocRun[])[DocRuns.DepsDb, DocRuns.DepsAudit, DocRuns.Patches])
        {
            foreach (var (where, command) in run.Commands())
            {
                var line = DocBlocks.WithoutComment(command).Replace(Mirror, server, StringComparison.Ordinal);
                var result = await shell.RunAsync(line, PerLine);
                output.WriteLine($"$ {line}\n{result}");
                ran++;
                var expected = line == "jaga patches --security-only" && securityPending > 0 ? 1 : 0;
                Assert.True(result.ExitCode == expected, $"{where}: `{command}` ran as `{line}` (exit {expected} expected): {result}");
                Check(line, result);
            }
        }
        Assert.True(ran >= 8, $"only {ran} lines ran");
    }

    /// <summary>What each line must show beyond its exit code, so a line that exits 0 having done nothing fails.</summary>
    private static void Check(string line, ShellResult result)
    {
        switch (line)
        {
            case "jaga deps db status":
                Assert.Contains("npm", result.Output, StringComparison.Ordinal);
                Assert.Contains("PyPI", result.Output, StringComparison.Ordinal);
                break;
            case "jaga deps audit":
                Assert.Contains("Audit passed.", result.Output, StringComparison.Ordinal);
                Assert.Contains("numpy", result.Output, StringComparison.Ordinal);
                break;
            case "jaga deps audit --format md":
                Assert.Contains("| numpy", result.Stdout, StringComparison.Ordinal);
                break;
            case "jaga deps audit --format sarif":
                Assert.Equal("2.1.0", (string?)JsonNode.Parse(result.Stdout)!["version"]);
                break;
            case "jaga deps plan":
                Assert.Contains("numpy 1.26.0 → 1.26.4", result.Output, StringComparison.Ordinal);
                break;
        }
    }

    public void Dispose() => FixtureFolders.TryDelete(dir);
}
