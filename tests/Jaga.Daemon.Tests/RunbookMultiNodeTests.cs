using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Testing;
using Xunit.Abstractions;

namespace Jaga.Daemon.Tests;

/// <summary>Runbooks started by a failing check with several real <c>jaga run</c> nodes on one PostgreSQL state store: every
/// node sees the incident, one starts the runbook, none starts it again; and a node killed mid-run has its run taken over by
/// another after the lease, which resumes it without repeating the steps that finished.</summary>
/// <remarks>The check (a command on a flag file in the shared folder) is healthy while the nodes start and broken only once
/// all are up, so every node's trigger loop meets the open incident. The runbook's first step writes the pid of the node
/// that runs it (the shell's parent) to <c>ran.txt</c>: a line per time it ran.</remarks>
[Collection(MultiNodeCollection.Name)]
public sealed class RunbookMultiNodeTests(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Three_nodes_open_one_incident_for_a_failing_check_and_start_its_runbook_once()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        w.Configure("lease: 3s, shutdown_timeout: 10s", null, Plan("3s"));
        File.WriteAllText(Flag(w), "");
        for (var i = 0; i < 3; i++) w.StartNode();
        await w.WaitUntilUpAsync(Wait);
        await MultiNodeWorkspace.UntilAsync(() => Task.FromResult(w.LogLines().Any(l => l.Contains("Check broken is up:", StringComparison.Ordinal))), Wait, w.Outputs);

        File.Delete(Flag(w));
        await MultiNodeWorkspace.UntilAsync(() => Task.FromResult(w.LogLines().Any(l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal))), Wait,
            () => RanText(w) + w.Outputs());
        // Three more ticks of every node's trigger loop: a closed incident starts nothing more.
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.All(w.Nodes, n => Assert.False(n.HasExited, w.Outputs()));
        await w.TerminateAllAsync(Wait);

        var runs = await w.RunbookRunsAsync();
        output.WriteLine(string.Join("\n", runs));
        var run = Assert.Single(runs);
        Assert.Equal(("fix-flag", "check:broken", (long?)1, "succeeded"), (run.Runbook, run.Trigger, run.Incident, run.Status));
        Assert.Contains(w.Nodes, n => n.Pid == run.Pid);
        Assert.Equal(
            [(0, 1, "note", "succeeded"), (1, 1, "pause", "succeeded"), (2, 1, "fix", "succeeded"), (3, 1, "healthy", "succeeded")],
            await w.RunbookStepsAsync(run.Id));
        Assert.Equal([run.Pid.ToString(CultureInfo.InvariantCulture)], File.ReadAllLines(Ran(w)));

        var incidents = await IncidentsAsync(w, 2);
        var incident = Assert.Single(incidents);
        Assert.Equal((1L, "check:broken", false, "jaga"), ((long)incident!["id"]!, (string?)incident["key"], (bool)incident["open"]!, (string?)incident["closed_by"]));
        var log = w.LogLines();
        Assert.Single(log, l => l.Contains($"runbook fix-flag: run {run.Id} started by jaga (trigger check:broken", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("runbook fix-flag: run ", StringComparison.Ordinal) && l.Contains(" by jaga (trigger ", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("Incident #1 opened:", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal));
        await w.VerifyAuditOnEveryNodeAsync();
    }

    [Fact]
    public async Task A_node_killed_mid_run_has_the_run_taken_over_after_its_lease_without_repeating_the_finished_step()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        var run = await PausedRunAsync(w, "15s", nodes: 2);
        var victim = w.Nodes.SingleOrDefault(n => n.Pid == run.Pid);
        Assert.True(victim is not null, $"no node has the pid of {run}");
        await victim.KillAsync();
        var survivor = w.Nodes.Single(n => n != victim);
        var survivorLog = w.LogPath(w.Nodes.ToList().IndexOf(survivor) + 1);

        await MultiNodeWorkspace.UntilAsync(async () => (await w.RunbookRunsAsync()).Single().Status == "succeeded", Wait, () => RanText(w) + w.Outputs());
        await MultiNodeWorkspace.UntilAsync(() => Task.FromResult(w.LogLines().Any(l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal))), Wait,
            () => RanText(w) + w.Outputs());
        Assert.False(survivor.HasExited, w.Outputs());
        await w.TerminateAllAsync(Wait);

        var runs = await w.RunbookRunsAsync();
        output.WriteLine(string.Join("\n", runs));
        var taken = Assert.Single(runs);
        Assert.Equal((run.Id, "check:broken", (long?)1, "succeeded", survivor.Pid), (taken.Id, taken.Trigger, taken.Incident, taken.Status, taken.Pid));
        // The note ran once, on the killed node; the pause it was in is ended as interrupted and run again; the rest ran once.
        Assert.Equal(
            [(0, 1, "note", "succeeded"), (1, 1, "pause", "interrupted"), (1, 2, "pause", "succeeded"), (2, 1, "fix", "succeeded"), (3, 1, "healthy", "succeeded")],
            await w.RunbookStepsAsync(run.Id));
        Assert.Equal([victim.Pid.ToString(CultureInfo.InvariantCulture)], File.ReadAllLines(Ran(w)));
        Assert.Single(File.ReadAllLines(survivorLog), l => l.Contains($"runbook fix-flag: run {run.Id} resumed by jaga (trigger check:broken", StringComparison.Ordinal));
        Assert.DoesNotContain(File.ReadAllLines(survivorLog), l => l.Contains($"run {run.Id} step 1 note", StringComparison.Ordinal));

        var shown = await JsonAsync(w, 2, "incident", "show", "1", "--json");
        Assert.False((bool)shown["open"]!);
        var kinds = shown["timeline"]!.AsArray().Select(e => (string)e!["kind"]!).ToList();
        output.WriteLine(string.Join(", ", kinds));
        // Started, then steps 1 and 2 started (2 never ended on the killed node), then resumed: 2, 3, 4 and the end.
        Assert.Equal(
            ["runstarted", "stepstarted", "stepended", "stepstarted", "runstarted", "stepstarted", "stepended", "stepstarted", "stepended", "stepstarted", "stepended", "runended"],
            kinds.Where(k => k.StartsWith("run", StringComparison.Ordinal) || k.StartsWith("step", StringComparison.Ordinal)));
        // The check's recovery closes the incident (the monitor's act), while the run's last step (wait_for the check) ends
        // on its own poll: either may be recorded first, so only the incident's own order is asserted.
        Assert.True(kinds.IndexOf("recovered") > 0 && kinds.IndexOf("closed") > kinds.IndexOf("recovered"), string.Join(", ", kinds));
        await w.VerifyAuditOnEveryNodeAsync();
    }

    [Fact]
    public async Task A_run_interrupted_by_its_nodes_stop_is_resumed_by_another_node_without_repeating_the_finished_step()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        var run = await PausedRunAsync(w, "15s", nodes: 2);
        // A rolling restart: SIGTERM to the node that runs it. The run is interrupted there; the incident still needs it.
        var stopped = w.Nodes.Single(n => n.Pid == run.Pid);
        await stopped.TerminateAsync();
        await stopped.WaitForExitAsync(Wait);
        var survivor = w.Nodes.Single(n => n != stopped);

        await MultiNodeWorkspace.UntilAsync(async () => (await w.RunbookRunsAsync()).Single().Status == "succeeded", Wait, () => RanText(w) + w.Outputs());
        await w.TerminateAllAsync(Wait);

        var taken = Assert.Single(await w.RunbookRunsAsync());
        Assert.Equal((run.Id, survivor.Pid), (taken.Id, taken.Pid));
        Assert.Equal(
            [(0, 1, "note", "succeeded"), (1, 1, "pause", "interrupted"), (1, 2, "pause", "succeeded"), (2, 1, "fix", "succeeded"), (3, 1, "healthy", "succeeded")],
            await w.RunbookStepsAsync(run.Id));
        Assert.Equal([stopped.Pid.ToString(CultureInfo.InvariantCulture)], File.ReadAllLines(Ran(w)));
        await w.VerifyAuditOnEveryNodeAsync();
    }

    [Fact]
    public async Task A_node_stopped_mid_run_leaves_the_run_interrupted_and_jaga_runbook_resume_finishes_it_without_repeating_the_finished_step()
    {
        using var w = new MultiNodeWorkspace(postgres, await postgres.CreateDatabaseAsync());
        var run = await PausedRunAsync(w, "8s", nodes: 1);
        var first = w.Nodes.Single();
        // SIGTERM, as a service manager stops jaga: the run is stopped at its step and recorded as interrupted.
        await first.TerminateAsync();
        await first.WaitForExitAsync(Wait);
        Assert.True(first.ExitCode == 0, first.Output);
        var stopped = Assert.Single(await w.RunbookRunsAsync());
        Assert.Equal((run.Id, "interrupted"), (stopped.Id, stopped.Status));
        Assert.Equal([(0, 1, "note", "succeeded"), (1, 1, "pause", "interrupted")], await w.RunbookStepsAsync(run.Id));

        var resume = await w.JagaAsync("runbook", "resume", run.Id);
        Assert.True(resume.ExitCode == 0, resume.Output);
        Assert.Contains("step 1: note (run) — done before, not repeated", resume.Output, StringComparison.Ordinal);
        Assert.Equal([(0, 1, "note", "succeeded"), (1, 1, "pause", "interrupted"), (1, 2, "pause", "succeeded"), (2, 1, "fix", "succeeded"), (3, 1, "healthy", "succeeded")],
            await w.RunbookStepsAsync(run.Id));
        Assert.Equal("succeeded", Assert.Single(await w.RunbookRunsAsync()).Status);
        Assert.Single(File.ReadAllLines(Ran(w)));

        // A node started again sees the check healthy and closes the incident; it starts no second run for it.
        var second = w.StartNode();
        await MultiNodeWorkspace.UntilAsync(() => Task.FromResult(w.LogLines().Any(l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal))), Wait, w.Outputs);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(second.HasExited, second.Output);
        await w.TerminateAllAsync(Wait);
        Assert.Equal(run.Id, Assert.Single(await w.RunbookRunsAsync()).Id);
        Assert.Single(File.ReadAllLines(Ran(w)));
        await w.VerifyAuditOnEveryNodeAsync();
    }

    /// <summary>A command check on the flag file, and the runbook that fixes it: note who runs it, pause for
    /// <paramref name="pause"/> (long enough for the other nodes to try, or to kill the node), fix the flag, wait until the
    /// check is healthy.</summary>
    private static string Plan(string pause) => $$"""
        monitoring:
          checks:
            - name: broken
              command: "test -f fixed.flag || exit 2"
              every: 1s
              alert: { after: 1 }
        emergency:
          runbooks:
            - name: fix-flag
              trigger: { check: broken }
              steps:
                - name: note
                  run: echo "$PPID" >> ran.txt
                - name: pause
                  sleep: {{pause}}
                - name: fix
                  run: touch fixed.flag
                - name: healthy
                  wait_for: { check: broken, timeout: 30s }
        """;

    /// <summary>Starts <paramref name="nodes"/> nodes on a plan whose runbook pauses <paramref name="pause"/> after its first
    /// step, waits until the check is up, breaks it, and returns the triggered run once it is in its pause (a sleep inside
    /// jaga: nothing outlives the node) with the first step finished and the pause's start on the incident's timeline.</summary>
    private static async Task<MultiNodeRunbookRun> PausedRunAsync(MultiNodeWorkspace w, string pause, int nodes)
    {
        w.Configure("lease: 3s, shutdown_timeout: 10s", null, Plan(pause));
        File.WriteAllText(Flag(w), "");
        for (var i = 0; i < nodes; i++) w.StartNode();
        await w.WaitUntilUpAsync(Wait);
        await MultiNodeWorkspace.UntilAsync(() => Task.FromResult(w.LogLines().Any(l => l.Contains("Check broken is up:", StringComparison.Ordinal))), Wait, w.Outputs);

        File.Delete(Flag(w));
        MultiNodeRunbookRun? run = null;
        await MultiNodeWorkspace.UntilAsync(async () =>
        {
            run = (await w.RunbookRunsAsync()).SingleOrDefault();
            return run is not null && (await w.RunbookStepsAsync(run.Id)) is [(0, 1, "note", "succeeded"), (1, 1, "pause", null)]
                && (await w.IncidentEventKindsAsync(1)).Count(k => k == "stepstarted") == 2;
        }, Wait, () => RanText(w) + w.Outputs());
        return run!;
    }

    private static string Flag(MultiNodeWorkspace w) => Path.Combine(w.Dir, "fixed.flag");

    private static string Ran(MultiNodeWorkspace w) => Path.Combine(w.Dir, "ran.txt");

    private static string RanText(MultiNodeWorkspace w)
    {
        var ran = File.Exists(Ran(w)) ? File.ReadAllText(Ran(w)) : "(no ran.txt)";
        return $"ran.txt: {ran}\n";
    }

    private static async Task<JsonArray> IncidentsAsync(MultiNodeWorkspace w, int node) =>
        (await JsonAsync(w, node, "incident", "list", "--json"))["incidents"]!.AsArray();

    private static async Task<JsonNode> JsonAsync(MultiNodeWorkspace w, int node, params string[] args)
    {
        var r = await w.JagaOnAsync(node, args);
        Assert.True(r.ExitCode == 0, r.Output);
        return JsonNode.Parse(r.Output[r.Output.IndexOf('{', StringComparison.Ordinal)..])!;
    }
}
