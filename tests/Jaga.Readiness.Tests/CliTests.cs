using System.Text.Json.Nodes;
using Jaga.Testing;

namespace Jaga.Readiness.Tests;

/// <summary>The real <c>jaga</c> binary: <c>jaga changes</c> and its reviews, a runbook with <c>review: before</c>,
/// <c>jaga checklist</c> and its acknowledgements, and <c>docs.render_to</c>.</summary>
[Trait("Category", "Integration")]
public sealed class CliTests : IAsyncDisposable
{
    private static readonly string Me = $"{Environment.UserName}@{Environment.MachineName}";

    private readonly ReadinessProject project = new();

    [Fact]
    public async Task A_runbook_reviewed_before_is_refused_until_someone_other_than_the_asker_reviews_it_then_runs_once()
    {
        project.Load(ReadinessProject.Plan("""
            emergency:
              runbooks:
                - name: failover
                  review: before
                  steps:
                    - log: switching to the replica
            """));

        var refused = await project.JagaAsync("runbook", "run", "failover", "--yes");
        var pending = await project.JagaAsync("--json", "changes", "--unreviewed");
        var byAuthor = await project.JagaAsync("changes", "review", "1", "--by", Me, "--note", "mine");
        var reviewed = await project.JagaAsync("changes", "review", "1", "--by", "sari", "--note", "replica is in sync");
        var again = await project.JagaAsync("changes", "review", "1", "--by", "eko", "--note", "me too");
        var ran = await project.JagaAsync("runbook", "run", "failover", "--yes");
        var left = await project.JagaAsync("changes", "--unreviewed");
        var refusedAgain = await project.JagaAsync("runbook", "run", "failover", "--yes");

        Assert.True(refused.Code == 2, refused.Output);
        Assert.Contains("runbook failover is reviewed before it runs: change 1 awaits review", refused.Output, StringComparison.Ordinal);
        Assert.Contains("jaga changes review 1 --by NAME", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, pending.Code);
        var change = JsonNode.Parse(pending.Output)!["changes"]!.AsArray().Single()!;
        Assert.Equal(("runbook", $"runbook:failover()@{Uri.EscapeDataString(Me.ToLowerInvariant())}", Me, false), ((string)change["kind"]!, (string)change["subject"]!, (string)change["author"]!, (bool)change["applied"]!));
        Assert.True(byAuthor.Code == 2, byAuthor.Output);
        Assert.Contains("a change is reviewed by someone other than its author", byAuthor.Output, StringComparison.Ordinal);
        Assert.True(reviewed.Code == 0, reviewed.Output);
        Assert.Contains("Change 1 reviewed by sari", reviewed.Output, StringComparison.Ordinal);
        Assert.True(again.Code == 2, again.Output);
        Assert.Contains("already reviewed by sari", again.Output, StringComparison.Ordinal);
        Assert.True(ran.Code == 0, ran.Output);
        Assert.Contains("switching to the replica", ran.Output, StringComparison.Ordinal);
        Assert.Contains("No change awaits review.", left.Output, StringComparison.Ordinal);
        Assert.True(refusedAgain.Code == 2, refusedAgain.Output);
        Assert.Contains("change 2 awaits review", refusedAgain.Output, StringComparison.Ordinal);
        var log = await File.ReadAllTextAsync(Path.Combine(project.Dir, "logs", "maintenance.log"));
        Assert.Contains("Change 1 reviewed by sari: runbook failover run by hand (parameters: -) — replica is in sync", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checklist_exits_1_while_a_required_point_is_unmet_prints_the_seeds_checklist_and_keeps_acknowledgements()
    {
        await project.InitGitAsync();
        project.Load(ReadinessProject.Plan());

        var unknown = await project.JagaAsync("checklist", "ack", "vibes", "--by", "sari", "--note", "good");
        var ack = await project.JagaAsync("checklist", "ack", "folders", "--by", "sari", "--note", "src and tests apart");
        var json = await project.JagaAsync("checklist", "--format", "json");
        var md = await project.JagaAsync("checklist");
        var id = await project.JagaAsync("--lang", "id", "checklist");

        Assert.True(unknown.Code == 2, unknown.Output);
        Assert.Contains("there is no checklist point 'vibes'", unknown.Output, StringComparison.Ordinal);
        Assert.True(ack.Code == 0, ack.Output);
        Assert.Contains("Checklist point folders acknowledged by sari: src and tests apart", ack.Output, StringComparison.Ordinal);
        Assert.True(json.Code == 1, json.Output);
        var report = JsonNode.Parse(json.Output)!;
        Assert.False((bool)report["ready"]!);
        var points = report["points"]!.AsArray();
        Assert.Equal(["configuration", "folders", "dependencies", "ci", "security", "documentation", "backup"], points.Select(p => (string)p!["name"]!));
        Assert.Equal("sari", (string)points[1]!["ack"]!["by"]!);
        Assert.Equal(7, report["checklist"]!.AsArray().Count);
        Assert.Equal(1, md.Code);
        Assert.Contains("## 8. Migration checklist", md.Output, StringComparison.Ordinal);
        Assert.Contains("- [ ] All configuration checked", md.Output, StringComparison.Ordinal);
        Assert.Contains("- [ ] Backup & monitoring ready", md.Output, StringComparison.Ordinal);
        Assert.Contains("acknowledged by sari", md.Output, StringComparison.Ordinal);
        Assert.Contains("- [FAIL] no CI workflow", md.Output, StringComparison.Ordinal);
        Assert.Contains("Not ready:", md.Output, StringComparison.Ordinal);
        Assert.Contains("## 8. Checklist migrasi", id.Output, StringComparison.Ordinal);
        Assert.Contains("- [ ] Semua konfigurasi sudah dicek", id.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checklist_runs_the_real_secrets_scan_and_names_where_a_secret_is_never_the_secret()
    {
        await project.InitGitAsync();
        project.Load(ReadinessProject.Plan());
        // Made at run time, so this repository's own scan finds no token in the test's source.
        var token = "ghp_" + string.Concat(Enumerable.Range(0, 36).Select(i => "aZ3kQ9xL7mP2"[i % 12]));
        project.Write("src/settings.py", $"GITHUB_TOKEN = \"{token}\"\n");

        var found = await project.JagaAsync("checklist", "--format", "json");
        File.Delete(Path.Combine(project.Dir, "src", "settings.py"));
        var clean = await project.JagaAsync("checklist", "--format", "json");

        Assert.True(found.Code == 1, found.Output);
        Assert.DoesNotContain(token, found.Output, StringComparison.Ordinal);
        var configuration = JsonNode.Parse(found.Output)!["points"]!.AsArray().Single(p => (string)p!["name"]! == "configuration")!;
        Assert.Contains("settings.py:1", configuration.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("settings.py", JsonNode.Parse(clean.Output)!["points"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_where_the_checklist_reads_an_env_file_is_refused_not_waited_on()
    {
        await project.InitGitAsync();
        project.Load(ReadinessProject.Plan());
        Assert.Equal(0, (await Jaga.Testing.ChildProcess.RunAsync("mkfifo", [Path.Combine(project.Dir, ".env.example")], TimeSpan.FromSeconds(10))).ExitCode);

        var run = await project.JagaAsync("checklist").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.Code == 2, run.Output);
        Assert.Contains(".env.example is a FIFO", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Points_made_optional_are_reported_without_failing_the_checklist()
    {
        await project.InitGitAsync();
        project.Load(ReadinessProject.Plan("checklist: { optional: [configuration, folders, dependencies, ci, security, documentation, backup] }"));

        var md = await project.JagaAsync("checklist");

        Assert.True(md.Code == 0, md.Output);
        Assert.Contains("NOT MET (optional)", md.Output, StringComparison.Ordinal);
        Assert.Contains("Ready: every required point is met.", md.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_render_writes_the_document_the_plan_keeps_and_the_checklist_finds_it_current_then_stale()
    {
        await project.InitGitAsync();
        var text = ReadinessProject.Plan("docs: { render_to: docs/MAINTENANCE.md }");
        project.Load(text);

        var render = await project.JagaAsync("plan", "render");
        var current = await project.JagaAsync("checklist", "--format", "json");
        project.Load(text + "\nchecklist: { audit_max_age: 3d }\n");
        var stale = await project.JagaAsync("checklist", "--format", "json");

        Assert.True(render.Code == 0, render.Output);
        Assert.Contains("# ", await File.ReadAllTextAsync(Path.Combine(project.Dir, "docs", "MAINTENANCE.md")), StringComparison.Ordinal);
        Assert.Contains("the rendered plan docs/MAINTENANCE.md is current", current.Output, StringComparison.Ordinal);
        Assert.Contains("the rendered plan docs/MAINTENANCE.md is stale: run jaga plan render", stale.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_render_without_out_prints_the_document_as_its_help_says_and_refreshes_the_kept_copy()
    {
        project.Load(ReadinessProject.Plan("docs: { render_to: docs/MAINTENANCE.md }"));
        var printed = Path.Combine(project.Dir, "printed.md");

        // What the help shows: `jaga plan render > MAINTENANCE.md`, through a real shell.
        var render = await ChildProcess.RunAsync("sh", ["-c", "dotnet \"$0\" --plan \"$1\" plan render > \"$2\"", RunningJaga.JagaDll, project.PlanPath, printed],
            TimeSpan.FromMinutes(2), project.Dir);

        Assert.True(render.ExitCode == 0, render.Output);
        var document = await File.ReadAllTextAsync(printed);
        Assert.StartsWith("# ", document, StringComparison.Ordinal);
        Assert.DoesNotContain("plan.render", document, StringComparison.Ordinal);
        Assert.Equal(document, await File.ReadAllTextAsync(Path.Combine(project.Dir, "docs", "MAINTENANCE.md")));
        Assert.Contains("MAINTENANCE.md", await File.ReadAllTextAsync(Path.Combine(project.Dir, "logs", "maintenance.log")), StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => project.DisposeAsync();
}
