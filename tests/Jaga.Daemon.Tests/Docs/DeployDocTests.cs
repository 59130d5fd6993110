using Jaga.Testing;
using Jaga.Testing.Docs;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests.Docs;

/// <summary>docs/deploy.md's <c>jaga status --plan /srv/tokoku/jaga.yaml</c>, run through bash from another folder as an
/// operator would, on the example plan deployed to a folder: it exits 0 and shows the jobs.</summary>
/// <remarks><c>/srv/tokoku</c> is a temporary copy of <c>examples/tokoku</c> (the page's deployment of it), where both backup
/// jobs ran once first. The block's <c>systemctl</c> and <c>journalctl</c> lines are not <c>jaga</c> lines: the page says
/// why the suite does not run them.</remarks>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DeployDocTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan PerLine = TimeSpan.FromMinutes(3);

    private readonly string root = Directory.CreateTempSubdirectory("jaga-deploy-doc-").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Status_with_the_deployed_plan_runs_as_the_page_says()
    {
        var srv = Path.Combine(root, "srv", "tokoku");
        Copy(Path.Combine(DocBlocks.Root, "examples", "tokoku"), srv);
        using var shell = new DocShell(root);
        var backups = await shell.RunAsync($"jaga backup run --plan '{srv}/jaga.yaml'", PerLine);
        Assert.True(backups.ExitCode == 0, backups.ToString());

        var ran = 0;
        foreach (var (where, command) in DocRuns.Deploy.Commands())
        {
            var line = DocBlocks.WithoutComment(command).Replace("/srv/tokoku/", srv + "/", StringComparison.Ordinal);
            var result = await shell.RunAsync(line, PerLine);
            output.WriteLine($"$ {line}\n{result}");
            Assert.True(result.ExitCode == 0, $"{where}: `{command}` ran as `{line}`: {result}");
            Assert.Contains("uploads", result.Output, StringComparison.Ordinal);
            ran++;
        }
        Assert.Equal(1, ran);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => FixtureFolders.TryDelete(root);
}
