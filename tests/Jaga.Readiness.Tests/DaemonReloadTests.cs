using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Readiness.Tests;

/// <summary>A running daemon (the real <c>jaga run</c>) that reloads a plan whose retention changed: the change is recorded for
/// review, and the document the plan keeps (<c>docs.render_to</c>) is written again.</summary>
[Trait("Category", "Integration")]
public sealed class DaemonReloadTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly ReadinessProject project = new();

    private static string Plan(int port, int keep) => ReadinessProject.Plan($$"""
        listen: 127.0.0.1:{{port}}
        docs: { render_to: MAINTENANCE.md }
        destinations:
          local: { path: backups }
        backup:
          - name: files
            source: { files: [data/] }
            every: 1h
            to: [local]
            keep: { last: {{keep}} }
        """);

    [Fact]
    public async Task A_reloaded_plan_with_new_retention_is_a_change_awaiting_review_and_its_rendered_document_is_rewritten()
    {
        var port = Loopback.FreePort();
        project.Write("data/a.txt", "a");
        project.Load(Plan(port, 3));
        using var daemon = new RunningJaga(project.PlanPath, project.Dir, ["run"]);
        var log = Path.Combine(project.Dir, "logs", "maintenance.log");
        await UntilAsync(() => Task.FromResult(File.Exists(log) && File.ReadAllText(log).Contains("Files backup finished", StringComparison.Ordinal)), () => daemon.Output);
        // Up and running its jobs; the plan watcher starts with the host, so give it a moment before editing the plan.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var document = Path.Combine(project.Dir, "MAINTENANCE.md");
        Assert.False(File.Exists(document));

        var changed = project.Load(Plan(port, 5));

        await UntilAsync(async () => File.Exists(document) && (await Changes()).Count > 0, () => daemon.Output + "\n" + File.ReadAllText(log));
        var change = (await Changes()).Single()!;
        Assert.Equal("plan", (string)change["kind"]!);
        Assert.Contains("Plan changed", (string)change["what"]!, StringComparison.Ordinal);
        Assert.Null(change["review"]);
        // The document names the plan it was rendered from: the new one.
        Assert.Contains(changed.Sha256[..12], await File.ReadAllTextAsync(document), StringComparison.Ordinal);
        Assert.Contains("MAINTENANCE.md", await File.ReadAllTextAsync(log), StringComparison.Ordinal);
        Assert.False(daemon.HasExited, daemon.Output);
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(Wait);
    }

    private async Task<JsonArray> Changes()
    {
        var (code, output) = await project.JagaAsync("--json", "changes");
        Assert.True(code == 0, output);
        return JsonNode.Parse(output)!["changes"]!.AsArray();
    }

    private static async Task UntilAsync(Func<Task<bool>> done, Func<string> why)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < Wait, "timed out:\n" + why());
            await Task.Delay(250);
        }
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
