using System.Globalization;
using System.Text.Json.Nodes;

namespace Jaga.Daemon.Tests;

/// <summary>A runbook started by a failing check, end to end with real processes: <c>jaga run</c> watches a real web server
/// (python's http.server); the server is killed; the check goes down and opens an incident; the runbook's trigger starts
/// it once; its <c>run</c> step starts the server again in the background and its <c>wait_for</c> step sees the check
/// healthy; the check recovers and closes the incident. The whole story is in the maintenance log, the audit chain and the
/// incident's timeline, in order.</summary>
public sealed class RunbookTriggerEndToEndTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DaemonProject project = new();
    private readonly BackgroundApp app;

    public RunbookTriggerEndToEndTests()
    {
        app = new BackgroundApp(project.Dir);
    }

    public void Dispose()
    {
        project.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task A_check_going_down_starts_its_runbook_once_which_restarts_the_app_and_the_incident_closes_on_recovery()
    {
        // recover_after: 3 — the check's own loop calls the app up only after three good looks (2 s or more), so the
        // wait_for step (one look a second) sees it healthy first and the run ends before the recovery, as on a real night.
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: app
                  http: {{app.Url}}
                  every: 1s
                  timeout: 2s
                  expect: ["[STATUS] == 200"]
                  alert: { after: 2, recover_after: 3 }
            emergency:
              runbooks:
                - name: restart-app
                  description: The shop stopped answering. Start it again and wait until it is healthy.
                  trigger: { check: app }
                  steps:
                    - name: start
                      run: sh start-app.sh
                    - name: healthy
                      wait_for: { check: app, timeout: 30s }
            """);
        await app.StartAsync(project.Http, Wait);
        var crashed = app.Pid!.Value;
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Check app is up:", StringComparison.Ordinal)), Wait, () => daemon.Output);

        await app.CrashAsync();
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal)), Wait,
            () => daemon.Output + "\n--- app ---\n" + app.Output);
        // Two more ticks of the trigger loop: a closed incident starts nothing more.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(await app.AnswersAsync(project.Http), app.Output);
        var restarted = app.Pid!.Value;
        Assert.NotEqual(crashed, restarted);
        Assert.True(BackgroundApp.IsServer(restarted), $"pid {restarted} in app.pid is no server:\n{app.Output}");
        Assert.False(daemon.HasExited, daemon.Output);
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(Wait);

        var run = Assert.Single(project.RunbookRuns());
        Assert.Equal(("restart-app", "check:app", (long?)1, "succeeded"), (run.Runbook, run.Trigger, run.Incident, run.Status));
        Assert.Equal([(0, 1, "start", "succeeded"), (1, 1, "healthy", "succeeded")], project.RunbookSteps(run.Id));

        var list = await JsonAsync("incident", "list", "--json");
        var incident = Assert.Single(list["incidents"]!.AsArray())!;
        Assert.Equal((1L, "check:app", false, "jaga"), ((long)incident["id"]!, (string?)incident["key"], (bool)incident["open"]!, (string?)incident["closed_by"]));

        var shown = await JsonAsync("incident", "show", "1", "--json");
        var timeline = shown["timeline"]!.AsArray()
            .Select(e => (Kind: (string)e!["kind"]!, Text: (string)e["text"]!, At: DateTimeOffset.Parse((string)e["at"]!, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(
            ["opened", "checkfailed", "runstarted", "stepstarted", "stepended", "stepstarted", "stepended", "runended", "recovered", "closed"],
            timeline.Select(e => e.Kind));
        Assert.Equal(timeline.Select(e => e.At).Order(), timeline.Select(e => e.At));
        var prefix = $"runbook restart-app: run {run.Id} ";
        Assert.Equal(
            [
                $"{prefix}started by jaga (trigger check:app; parameters: -)",
                $"{prefix}step 1 start (run) started, attempt 1",
                $"{prefix}step 1 start succeeded after",
                $"{prefix}step 2 healthy (wait_for) started, attempt 1",
                $"{prefix}step 2 healthy succeeded after",
                $"{prefix}succeeded after",
            ],
            timeline.Skip(2).Take(6).Select(e => UpToAfter(e.Text)));
        Assert.Contains("check app passed after", timeline[6].Text, StringComparison.Ordinal);

        // The maintenance log tells the same story, each line once and in this order.
        var log = project.LogLines();
        string[] story =
        [
            "[ERROR] Check app is DOWN:",
            "[WARN] Incident #1 opened: Check app is down (check:app)",
            $"[INFO] {prefix}started by jaga (trigger check:app; parameters: -)",
            $"[INFO] {prefix}step 1 start (run) started, attempt 1",
            $"[INFO] {prefix}step 1 start succeeded after ",
            $"[INFO] {prefix}step 2 healthy (wait_for) started, attempt 1",
            $"[INFO] {prefix}step 2 healthy succeeded after ",
            $"[INFO] {prefix}succeeded after ",
            "[INFO] Check app is up again after ",
            "[INFO] Incident #1 closed by jaga after ",
        ];
        var at = story.Select(s => Array.FindIndex(log, l => l.Contains(s, StringComparison.Ordinal))).ToList();
        var whole = string.Join("\n", log);
        Assert.All(story, s => Assert.True(log.Count(l => l.Contains(s, StringComparison.Ordinal)) == 1, $"not once: {s}\n{whole}"));
        Assert.True(at.SequenceEqual(at.Order()), $"out of order ({string.Join(", ", at)}):\n{whole}");
        Assert.Single(log, l => l.Contains("runbook restart-app: run ", StringComparison.Ordinal) && l.Contains(" started by ", StringComparison.Ordinal));

        Assert.Equal(["started", "ended"], project.Audit("runbook.run").Select(a => Kind(a.Data)));
        Assert.Equal(4, project.Audit("runbook.step").Count);
        var verify = await project.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    [Fact]
    public async Task A_failed_backup_starts_its_runbook_whose_backup_step_succeeds_and_closes_the_incident()
    {
        project.WritePlan("""
            backup:
              - { name: files, source: { files: [missing/] }, to: [local], every: 1h }
            emergency:
              runbooks:
                - name: refill
                  trigger: { backup: files }
                  steps:
                    - name: recreate
                      run: mkdir -p missing && echo hello > missing/a.txt
                    - name: again
                      backup: files
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => project.LogLines().Any(l => l.Contains("runbook refill: run ", StringComparison.Ordinal) && l.EndsWith(": every step succeeded", StringComparison.Ordinal)),
            Wait, () => daemon.Output);
        // Two more ticks of the trigger loop: the closed incident starts nothing more.
        await Task.Delay(TimeSpan.FromSeconds(5));
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(Wait);

        var run = Assert.Single(project.RunbookRuns());
        Assert.Equal(("refill", "backup:files", (long?)1, "succeeded"), (run.Runbook, run.Trigger, run.Incident, run.Status));
        Assert.Equal([(0, 1, "recreate", "succeeded"), (1, 1, "again", "succeeded")], project.RunbookSteps(run.Id));
        var complete = Assert.Single(project.Backups(), b => b.Status == "complete");
        Assert.Contains(complete.Artifact, project.VisibleArtifacts());

        var shown = await JsonAsync("incident", "show", "1", "--json");
        Assert.Equal((false, "jaga"), ((bool)shown["open"]!, (string?)shown["closed_by"]));
        var timeline = shown["timeline"]!.AsArray().Select(e => (Kind: (string)e!["kind"]!, Text: (string)e["text"]!)).ToList();
        // The backup step's success is the job's: it closes the incident before the step ends.
        Assert.Equal(
            ["opened", "backupfailed", "runstarted", "stepstarted", "stepended", "stepstarted", "recovered", "closed", "stepended", "runended"],
            timeline.Select(e => e.Kind));
        Assert.Equal(complete.Artifact, timeline[6].Text);

        // The step's end says what the backup did, in words, once: not a log line inside a log line.
        var prefix = $"runbook refill: run {run.Id} step 2 again succeeded after ";
        var ended = Assert.Single(project.LogLines(), l => l.Contains(prefix, StringComparison.Ordinal));
        Assert.Matches(@"^\[[^]]+\] \[INFO\] " + System.Text.RegularExpressions.Regex.Escape(prefix) + @"\d+\.\d s: Files backup finished: backup/" + System.Text.RegularExpressions.Regex.Escape(complete.Artifact) + "$", ended);
        Assert.Equal(ended[(ended.IndexOf("runbook refill", StringComparison.Ordinal))..], timeline[8].Text);
        var verify = await project.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    /// <summary>A timeline text up to its first " after" (durations and reasons vary), or whole when it has none.</summary>
    private static string UpToAfter(string text)
    {
        var i = text.IndexOf(" after", StringComparison.Ordinal);
        return i < 0 ? text : text[..(i + " after".Length)];
    }

    /// <summary>"started" or "ended": whether a run's audit entry has its end status.</summary>
    private static string Kind(string data) => JsonNode.Parse(data)!["status"] is null ? "started" : "ended";

    private async Task<JsonNode> JsonAsync(params string[] args)
    {
        var r = await project.JagaAsync(args);
        Assert.True(r.ExitCode == 0, r.Output);
        return JsonNode.Parse(r.Output[r.Output.IndexOf('{', StringComparison.Ordinal)..])!;
    }
}
