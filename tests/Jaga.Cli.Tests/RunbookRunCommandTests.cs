using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Engine.Planning;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary><c>jaga runbook run</c> in-process: the dry run labels each step honestly and records nothing; a run with
/// <c>--json</c> prints JSON; bad input exits 2 with a message naming the fix, before anything is recorded.</summary>
public sealed class RunbookRunCommandTests
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        log: { file: logs/maintenance.log }
        notify:
          oncall: { email: ops@toko.example }
        emergency:
          runbooks:
            - name: dry
              steps:
                - sleep: 5m
                - log: "restarting by hand"
                - approve: { prompt: "Go on?", approvals: 2 }
                - run: "ls -l"
                - notify: oncall
                - run: "no-such-command-4711 --now"
            - name: ready
              params:
                - { name: level, type: int, default: "1" }
                - { name: env, default: staging, allowed: [staging, production] }
                - { name: reason }
              steps:
                - run: "echo level ${params.level} for ${params.reason}"
                - sleep: 10ms
            - name: flaky
              steps:
                - run: "printf a >> trail"
                - run: "[ -e fixed ]"
                - run: "printf c >> trail"
        """;

    [Fact]
    public async Task Dry_run_labels_every_step_and_a_missing_command_makes_it_not_ready_exit_1()
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga("runbook", "run", "dry", "--dry-run");

        Assert.True(r.Code == 1, r.ToString());
        var lines = r.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("step 1: sleep-1 (sleep) — simulated: would wait 5m", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("step 2: log-2 (log) — simulated: ", StringComparison.Ordinal) && l.Contains("restarting by hand", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("step 3: approve-3 (approve) — simulated: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("step 4: run-4 (run) — preconditions checked: ", StringComparison.Ordinal) && l.Contains("ls", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("step 5: notify-5 (notify) — cannot be simulated: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("step 6: run-6 (run) — preconditions checked: ", StringComparison.Ordinal) && l.Contains("no-such-command-4711", StringComparison.Ordinal));
        Assert.Contains("dry run: 1 step(s) would fail now", r.Out, StringComparison.Ordinal);
        await NothingRecordedAsync(ws);
    }

    [Fact]
    public async Task Dry_run_as_json_parses_with_a_label_and_readiness_per_step()
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga("runbook", "run", "dry", "--dry-run", "--json");

        Assert.True(r.Code == 1, r.ToString());
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal("dry", (string?)json["runbook"]);
        Assert.False((bool)json["ready"]!);
        var steps = json["steps"]!.AsArray();
        Assert.Equal(
            ["simulated", "simulated", "simulated", "preconditions_checked", "cannot_simulate", "preconditions_checked"],
            steps.Select(s => (string?)s!["label"]));
        Assert.Equal([true, true, true, true, true, false], steps.Select(s => (bool)s!["ready"]!));
        Assert.Equal(["sleep", "log", "approve", "run", "notify", "run"], steps.Select(s => (string?)s!["kind"]));
        await NothingRecordedAsync(ws);
    }

    [Fact]
    public async Task Dry_run_of_a_ready_runbook_exits_0_and_echoes_the_parameters_with_defaults()
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga("runbook", "run", "ready", "--dry-run", "--param", "reason=disk full", "-p", "env=production");

        Assert.True(r.Code == 0, r.ToString());
        Assert.Contains("  env = production", r.Out, StringComparison.Ordinal);
        Assert.Contains("  level = 1", r.Out, StringComparison.Ordinal);
        Assert.Contains("  reason = disk full", r.Out, StringComparison.Ordinal);
        Assert.Contains("step 2: sleep-2 (sleep) — simulated", r.Out, StringComparison.Ordinal);
        await NothingRecordedAsync(ws);
    }

    [Fact]
    public async Task A_run_with_json_prints_its_end_as_json_and_the_step_output_on_stderr()
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga("runbook", "run", "ready", "--param", "reason=test", "--yes", "--json");

        Assert.True(r.Code == 0, r.ToString());
        var json = JsonNode.Parse(r.Out)!;
        Assert.Equal("ready", (string?)json["runbook"]);
        Assert.Equal("succeeded", (string?)json["status"]);
        Assert.Matches("^[0-9a-f]{8}$", (string?)json["run"]);
        Assert.Null(json["follow_up"]);
        Assert.Contains("level 1 for test", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_tells_how_to_resume_and_resume_runs_only_the_failed_step_and_after()
    {
        using var ws = new Workspace(Plan, "");
        string Trail() => File.Exists(Path.Combine(ws.Dir, "trail")) ? File.ReadAllText(Path.Combine(ws.Dir, "trail")) : "";

        var failed = await ws.Jaga("runbook", "run", "flaky", "--yes");
        var id = System.Text.RegularExpressions.Regex.Match(failed.Out, "jaga runbook resume ([0-9a-f]{8})").Groups[1].Value;
        File.WriteAllText(Path.Combine(ws.Dir, "fixed"), "");
        var resumed = await ws.Jaga("runbook", "resume", id);
        var again = await ws.Jaga("runbook", "resume", id);
        var unknown = await ws.Jaga("runbook", "resume", "deadbeef");

        Assert.True(failed.Code == 1, failed.ToString());
        Assert.Matches("^[0-9a-f]{8}$", id);
        Assert.True(resumed.Code == 0, resumed.ToString());
        Assert.Equal("ac", Trail());
        Assert.Contains("step 1: run-1 (run) — done before, not repeated", resumed.Out, StringComparison.Ordinal);
        Assert.True(again.Code == 2, again.ToString());
        Assert.Contains($"run {id} has succeeded: there is nothing to resume", again.Err, StringComparison.Ordinal);
        Assert.True(unknown.Code == 2, unknown.ToString());
        Assert.Contains("jaga: no runbook run 'deadbeef'", unknown.Err, StringComparison.Ordinal);
        Assert.Contains("jaga runbook runs", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_runbook_steps_moved_since_is_not_resumed()
    {
        using var ws = new Workspace(Plan, "");
        string Trail() => File.Exists(Path.Combine(ws.Dir, "trail")) ? File.ReadAllText(Path.Combine(ws.Dir, "trail")) : "";
        var failed = await ws.Jaga("runbook", "run", "flaky", "--yes");
        var id = System.Text.RegularExpressions.Regex.Match(failed.Out, "jaga runbook resume ([0-9a-f]{8})").Groups[1].Value;
        var moved = Plan.Replace("        - run: \"printf a", "        - log: \"first a note\"\n        - run: \"printf a", StringComparison.Ordinal);
        Assert.NotEqual(Plan, moved);
        File.WriteAllText(ws.PlanPath, moved);
        File.WriteAllText(Path.Combine(ws.Dir, "fixed"), "");

        var r = await ws.Jaga("runbook", "resume", id);

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"run {id} cannot be resumed: the steps of runbook 'flaky' changed since it started (its step 1 was 'run-1')", r.Err, StringComparison.Ordinal);
        Assert.Contains("jaga runbook run flaky", r.Err, StringComparison.Ordinal);
        Assert.Equal("a", Trail());
    }

    [Theory]
    [InlineData("unknown runbook", "no runbook named 'nope'", "known runbooks: dry, ready, flaky", "runbook", "run", "nope", "--yes")]
    [InlineData("unknown param", "has no parameter 'levle'", "did you mean 'level'", "runbook", "run", "ready", "--param", "reason=x", "--param", "levle=2", "--yes")]
    [InlineData("missing param", "parameter 'reason' is required", "give it: --param reason=", "runbook", "run", "ready", "--yes")]
    [InlineData("ill-typed param", "parameter 'level': 'two' is not a whole number", "write a whole number", "runbook", "run", "ready", "--param", "reason=x", "--param", "level=two", "--yes")]
    [InlineData("value not allowed", "parameter 'env': 'prod' is not one of staging, production", "use one of", "runbook", "run", "ready", "--param", "reason=x", "--param", "env=prod", "--yes")]
    [InlineData("no equals sign", "--param 'noequals' is not NAME=VALUE", "--param version=1.4.2", "runbook", "run", "ready", "--param", "noequals", "--yes")]
    [InlineData("no terminal to ask", "add --yes to run without a question", "--dry-run shows what it would do", "runbook", "run", "ready", "--param", "reason=x")]
    [InlineData("dry run of an unknown runbook", "no runbook named 'nope'", "known runbooks", "runbook", "run", "nope", "--dry-run")]
    public async Task Bad_input_exits_2_with_a_message_and_hint_and_records_nothing(string why, string message, string hint, params string[] args)
    {
        using var ws = new Workspace(Plan, "");

        var r = await ws.Jaga(args);

        Assert.True(r.Code == 2, $"{why}: {r}");
        var lines = r.Err.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("jaga: ", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
        Assert.Contains(hint, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", r.Err, StringComparison.Ordinal);
        await NothingRecordedAsync(ws);
    }

    [Fact]
    public async Task Bad_input_is_told_in_the_plans_language()
    {
        using var ws = new Workspace(Plan.Replace("language: en", "language: id", StringComparison.Ordinal), "");

        var r = await ws.Jaga("runbook", "run", "ready", "--param", "noequals", "--yes");

        Assert.True(r.Code == 2, r.ToString());
        Assert.DoesNotContain("is not NAME=VALUE", r.Err, StringComparison.Ordinal);
        Assert.Contains("noequals", r.Err, StringComparison.Ordinal);
    }

    /// <summary>No run in the store, no runbook entry in the audit chain, no line in the maintenance log.</summary>
    private static async Task NothingRecordedAsync(Workspace ws)
    {
        Assert.False(File.Exists(ws.LogPath) && File.ReadAllText(ws.LogPath).Contains("runbook", StringComparison.Ordinal), "the maintenance log has a runbook line");
        if (!File.Exists(ws.StatePath)) return;
        var plan = PlanFile.Load(ws.PlanPath).Plan!;
        await using var store = await CompositionRoot.OpenStoreAsync(plan, TimeProvider.System);
        Assert.Empty(await store.Runbooks.ListAsync(null, 10));
        await foreach (var e in store.ReadAsync()) Assert.DoesNotContain("runbook", e.Kind, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
