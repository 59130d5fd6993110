using System.Net;
using System.Net.Sockets;
using Jaga.Core.Ports;
using Jaga.Testing;

namespace Jaga.Cli.Tests;

/// <summary>A <c>wait_for</c> step probes a real TCP check of the plan until it passes, or times out and starts the
/// <c>on_failure</c> runbook.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookWaitStepTests
{
    private static string Sections(int port) => $$"""
        monitoring:
          checks:
            - { name: api, tcp: "127.0.0.1:{{port}}" }
        """;

    private const string Runbooks = """
            - name: r
              steps:
                - wait_for: { check: api, timeout: 1500ms }
                  on_failure: runbook escalate
                - run: "printf after >> trail"
            - name: escalate
              steps:
                - log: { level: ERROR, message: "api still down" }
        """;

    [Fact]
    public async Task Wait_for_succeeds_once_the_check_passes()
    {
        var port = Loopback.FreePort();
        await using var w = await RunbookWorld.CreateAsync(Runbooks, sections: Sections(port));
        using var api = new TcpListener(IPAddress.Loopback, port);

        var running = w.RunAsync("r");
        await Task.Delay(400);
        api.Start();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(outcome.Succeeded, outcome.Detail);
        Assert.Null(outcome.FollowUp);
        Assert.Equal("after", w.Read("trail"));
        var steps = await w.Store.Runbooks.StepsAsync(outcome.Run);
        Assert.Equal([StepAttemptOutcome.Succeeded, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome!.Value));
        Assert.Contains("api", steps[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_for_that_times_out_fails_the_run_and_starts_the_on_failure_runbook()
    {
        var port = Loopback.FreePort();
        await using var w = await RunbookWorld.CreateAsync(Runbooks, sections: Sections(port));

        var outcome = await w.RunAsync("r").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var step = Assert.Single(await w.Store.Runbooks.StepsAsync(outcome.Run));
        Assert.Equal(StepAttemptOutcome.TimedOut, step.Outcome);
        Assert.True(step.EndedAt - step.StartedAt >= TimeSpan.FromSeconds(1.4), $"ended after {step.EndedAt - step.StartedAt}");
        Assert.Equal("", w.Read("trail"));
        Assert.Equal("escalate", outcome.FollowUp?.Runbook);
        Assert.True(outcome.FollowUp!.Succeeded, outcome.FollowUp.Detail);
        Assert.Contains(w.LogLines(), l => l.Contains("[ERROR]", StringComparison.Ordinal) && l.EndsWith("api still down", StringComparison.Ordinal));
    }
}
