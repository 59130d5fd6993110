using System.Globalization;
using System.Text.Json.Nodes;

namespace Jaga.Daemon.Tests;

/// <summary>What starts a runbook by itself, with <c>jaga run</c> as a real process: a check down for <c>failing_for</c>
/// (and not an outage shorter than that), and a heartbeat that reported a failure.</summary>
public sealed class RunbookTriggerKindsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const int FailingForSeconds = 8;
    private static readonly TimeSpan FailingFor = TimeSpan.FromSeconds(FailingForSeconds);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    private string UpFlag => Path.Combine(project.Dir, "up.flag");

    private string Ran => Path.Combine(project.Dir, "ran.txt");

    [Fact]
    public async Task A_check_trigger_with_failing_for_ignores_a_shorter_outage_and_starts_the_runbook_once_the_outage_lasts()
    {
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: app
                  command: "test -f up.flag || exit 2"
                  every: 1s
                  alert: { after: 1 }
            emergency:
              runbooks:
                - name: slow-fix
                  trigger: { check: app, failing_for: {{FailingForSeconds}}s }
                  steps:
                    - name: fix
                      run: echo fixed >> ran.txt && touch up.flag
                    - wait_for: { check: app, timeout: 30s }
            """);
        File.WriteAllText(UpFlag, "");
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => Logged("Check app is up:"), Wait, () => daemon.Output);

        // A short outage: fixed by hand as soon as it is an incident.
        File.Delete(UpFlag);
        await Poll.UntilAsync(() => Logged("Incident #1 opened:"), Wait, () => daemon.Output);
        File.WriteAllText(UpFlag, "");
        await Poll.UntilAsync(() => Logged("Incident #1 closed by jaga"), Wait, () => daemon.Output);
        var shortOne = await JsonAsync("incident", "show", "1", "--json");
        Assert.True((double)shortOne["time_to_recover_s"]! < FailingFor.TotalSeconds, $"the short outage lasted {shortOne["time_to_recover_s"]} s: the machine is too slow for this test");
        // Two more ticks of the trigger loop after the recovery.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(project.RunbookRuns());
        Assert.False(File.Exists(Ran));

        // A long one: nobody fixes it, the runbook does once it has lasted failing_for.
        File.Delete(UpFlag);
        await Poll.UntilAsync(() => Logged("Incident #2 closed by jaga"), Wait, () => daemon.Output);
        // The check's recovery closes the incident; the run's last step (wait_for the check) ends on its own poll, maybe
        // later: stopping the daemon before it would record the run interrupted.
        await Poll.UntilAsync(() => Task.FromResult(project.RunbookRuns() is { Count: 1 } runs && runs[0].Status == "succeeded"), Wait, () => daemon.Output);
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(Wait);

        var run = Assert.Single(project.RunbookRuns());
        Assert.Equal(("slow-fix", "check:app", (long?)2, "succeeded"), (run.Runbook, run.Trigger, run.Incident, run.Status));
        Assert.Equal(["fixed"], File.ReadAllLines(Ran));
        Assert.DoesNotContain(Timeline(shortOne), e => e.Kind.StartsWith("run", StringComparison.Ordinal) || e.Kind.StartsWith("step", StringComparison.Ordinal));
        var longOne = Timeline(await JsonAsync("incident", "show", "2", "--json"));
        var opened = longOne.Single(e => e.Kind == "opened").At;
        var started = longOne.Single(e => e.Kind == "runstarted").At;
        Assert.True(started - opened >= FailingFor, $"the run started {(started - opened).TotalSeconds} s after the incident opened, before failing_for");
        Assert.True(started - opened < FailingFor + TimeSpan.FromSeconds(20), $"the run started only {(started - opened).TotalSeconds} s after the incident opened");
    }

    [Fact]
    public async Task A_heartbeat_that_reports_a_failure_starts_its_runbook_whose_ping_brings_it_back()
    {
        const string Token = "rb0123456789abcdefghijklmn";
        // recover_after: 3 — the check's loop calls it up only after three good looks, after the wait_for step saw it.
        project.WritePlan($$"""
            monitoring:
              checks:
                - name: nightly
                  heartbeat: { every: 1h, grace: 1m, token: {{Token}} }
                  every: 1s
                  alert: { after: 1, recover_after: 3 }
            emergency:
              runbooks:
                - name: rerun-report
                  trigger: { heartbeat: nightly }
                  steps:
                    - name: report
                      http: {{project.Url}}/ping/{{Token}}
                    - name: healthy
                      wait_for: { check: nightly, timeout: 30s }
            """);
        using var daemon = await project.StartAsync();
        await Poll.UntilAsync(() => Logged("Check nightly is up:"), Wait, () => daemon.Output);

        var (status, body) = await project.GetAsync($"/ping/{Token}/fail");
        Assert.True(status == 200, body);
        await Poll.UntilAsync(() => Logged("Incident #1 closed by jaga"), Wait, () => daemon.Output);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await daemon.TerminateAsync();
        await daemon.WaitForExitAsync(Wait);

        var run = Assert.Single(project.RunbookRuns());
        Assert.Equal(("rerun-report", "heartbeat:nightly", (long?)1, "succeeded"), (run.Runbook, run.Trigger, run.Incident, run.Status));
        Assert.Equal([(0, 1, "report", "succeeded"), (1, 1, "healthy", "succeeded")], project.RunbookSteps(run.Id));
        Assert.Equal([("fail", (long?)null, "http 127.0.0.1"), ("success", null, "http 127.0.0.1")], project.Pings("nightly").Select(p => (p.Kind, p.Code, p.Via)));
        var timeline = Timeline(await JsonAsync("incident", "show", "1", "--json"));
        Assert.Equal(
            ["opened", "checkfailed", "runstarted", "stepstarted", "stepended", "stepstarted", "stepended", "runended", "recovered", "closed"],
            timeline.Select(e => e.Kind));
        var verify = await project.JagaAsync("audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Output);
    }

    private bool Logged(string text) => project.LogLines().Any(l => l.Contains(text, StringComparison.Ordinal));

    private static List<(string Kind, string Text, DateTimeOffset At)> Timeline(JsonNode incident) =>
        [.. incident["timeline"]!.AsArray().Select(e => ((string)e!["kind"]!, (string)e["text"]!, DateTimeOffset.Parse((string)e["at"]!, CultureInfo.InvariantCulture)))];

    private async Task<JsonNode> JsonAsync(params string[] args)
    {
        var r = await project.JagaAsync(args);
        Assert.True(r.ExitCode == 0, r.Output);
        return JsonNode.Parse(r.Output[r.Output.IndexOf('{', StringComparison.Ordinal)..])!;
    }
}
