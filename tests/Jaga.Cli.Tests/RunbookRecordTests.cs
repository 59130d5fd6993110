using Jaga.Core.Ports;

namespace Jaga.Cli.Tests;

/// <summary>What a run leaves behind, over a real SQLite store: one maintenance-log line and one audit entry per act, with
/// the step's exit code and tail in the entry's data, and the run's acts in its incident's timeline.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookRecordTests
{
    [Fact]
    public async Task Every_step_start_and_end_is_one_log_line_and_one_audit_entry_with_its_exit_code_and_tail()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - name: say
                      run: "echo said-it; exit 2"
                      on_failure: continue
                    - log: { level: WARN, message: "a note" }
                    - sleep: 10ms
            """);

        var outcome = await w.RunAsync("r");

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var audit = (await w.AuditAsync()).Where(e => e.Kind.StartsWith("runbook", StringComparison.Ordinal)).ToList();
        var log = w.LogLines();
        // The run's start, three starts, three ends, the log step's own line, the run's end: each once, in the log too.
        Assert.Equal(9, audit.Count);
        Assert.Equal(audit.Select(e => e.Line), log.Where(l => l.Contains($"run {outcome.Run}", StringComparison.Ordinal)));
        var steps = audit.Where(e => e.Kind == "runbook.step").ToList();
        Assert.Equal(6, steps.Count);
        Assert.Equal(["say", "say", "log-2", "log-2", "sleep-3", "sleep-3"], steps.Select(e => e.Data["step"]));
        var say = steps[1];
        Assert.Equal("failed", say.Data["outcome"]);
        Assert.Equal("2", say.Data["exit_code"]);
        Assert.Equal("said-it", say.Data["output_tail"].Trim());
        Assert.Equal(outcome.Run, say.Data["run"]);
        Assert.Equal(outcome.Line, log[^1]);
    }

    [Fact]
    public async Task A_run_for_an_incident_starts_once_and_writes_its_steps_to_the_incident_timeline()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - run: "printf x >> trail"
            """);
        var (_, incident) = await w.Services.Incidents.OpenByHandAsync("api down", "check:api", "tester", CancellationToken.None);

        var first = await w.Executor.StartForIncidentAsync(w.Runbook("r"), "check:api", incident.Id, null, CancellationToken.None);
        var second = await w.Executor.StartForIncidentAsync(w.Runbook("r"), "check:api", incident.Id, null, CancellationToken.None);

        Assert.True(first!.Succeeded, first.Detail);
        Assert.Null(second);
        Assert.Equal("x", w.Read("trail"));
        var timeline = await w.Store.Incidents.TimelineAsync(incident.Id);
        Assert.Equal(
            [IncidentEventKind.RunStarted, IncidentEventKind.StepStarted, IncidentEventKind.StepEnded, IncidentEventKind.RunEnded],
            timeline.Select(e => e.Kind).Where(k => k is IncidentEventKind.RunStarted or IncidentEventKind.StepStarted or IncidentEventKind.StepEnded or IncidentEventKind.RunEnded));
        Assert.Equal("check:api", (await w.Store.Runbooks.GetAsync(first.Run))!.Trigger);
    }
}
