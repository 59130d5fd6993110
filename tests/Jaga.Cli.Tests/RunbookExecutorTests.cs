using System.Globalization;
using System.Text.RegularExpressions;
using Jaga.Core.Ports;

namespace Jaga.Cli.Tests;

/// <summary>The runbook executor over a real SQLite store and real processes: what each step's record holds, templates
/// between steps, on_failure, timeouts, Ctrl+C and resume, and one log line and audit entry per act.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookExecutorTests
{
    [Fact]
    public async Task Each_step_is_recorded_with_its_end_outcome_exit_code_and_tail_and_later_steps_get_outputs_and_params()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  params:
                    - { name: who }
                    - { name: times, type: int, default: "2" }
                  steps:
                    - name: greet
                      run: "echo hello-${params.who}"
                    - name: three
                      run: { command: "echo three; exit 3", exit_codes: [0, 3] }
                    - name: use
                      run: "echo got ${steps.greet.output} code ${steps.three.exit_code} times ${params.times}"
            """);

        var outcome = await w.RunAsync("r", new Dictionary<string, string> { ["who"] = "rina;touch pwned" });

        Assert.True(outcome.Succeeded, outcome.Detail);
        var run = await w.Store.Runbooks.GetAsync(outcome.Run);
        Assert.Equal(RunbookRunStatus.Succeeded, run!.Status);
        Assert.NotNull(run.EndedAt);
        Assert.Equal("rina;touch pwned", run.Parameters["who"]);
        var steps = await w.Store.Runbooks.StepsAsync(outcome.Run);
        Assert.Equal([0, 1, 2], steps.Select(a => a.Index));
        Assert.All(steps, a =>
        {
            Assert.Equal(1, a.Attempt);
            Assert.Equal(StepAttemptOutcome.Succeeded, a.Outcome);
            Assert.NotNull(a.EndedAt);
            Assert.True(a.EndedAt >= a.StartedAt);
        });
        Assert.Equal(["greet", "three", "use"], steps.Select(a => a.Name));
        Assert.Equal([0, 3, 0], steps.Select(a => a.ExitCode ?? -1));
        Assert.Equal("hello-rina;touch pwned", steps[0].OutputTail!.Trim());
        Assert.Equal("three", steps[1].OutputTail!.Trim());
        // The parameter went in as one shell word: printed, not run.
        // An output goes in without its last newline, as $(…) gives it.
        Assert.Equal("got hello-rina;touch pwned code 3 times 2\n", steps[2].Output);
        Assert.False(File.Exists(w.File("pwned")));
    }

    [Fact]
    public async Task On_failure_continue_goes_on_and_the_run_ends_failed_naming_the_step()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - name: broken
                      run: "echo oops >&2; exit 4"
                      on_failure: continue
                    - name: after
                      run: "printf after >> trail"
            """);

        var outcome = await w.RunAsync("r");

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        Assert.Contains("broken", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal("after", w.Read("trail"));
        var steps = await w.Store.Runbooks.StepsAsync(outcome.Run);
        Assert.Equal([StepAttemptOutcome.Failed, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome!.Value));
        Assert.Equal(4, steps[0].ExitCode);
        Assert.Contains("oops", steps[0].OutputTail, StringComparison.Ordinal);
        Assert.Equal(RunbookRunStatus.Failed, (await w.Store.Runbooks.GetAsync(outcome.Run))!.Status);
        Assert.Null(outcome.FollowUp);
    }

    [Fact]
    public async Task A_step_after_a_failed_one_passed_over_gets_its_output_and_exit_code()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - name: probe
                      run: "echo partial; exit 3"
                      on_failure: continue
                    - name: report
                      run: "echo saw ${steps.probe.output} ${steps.probe.exit_code}"
            """);

        var outcome = await w.RunAsync("r");

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var steps = await w.Store.Runbooks.StepsAsync(outcome.Run);
        Assert.Equal([StepAttemptOutcome.Failed, StepAttemptOutcome.Succeeded], steps.Select(a => a.Outcome!.Value));
        Assert.Equal("saw partial 3\n", steps[1].Output);
    }

    [Fact]
    public async Task On_failure_stop_is_the_default_and_later_steps_do_not_run()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - run: "exit 1"
                    - run: "printf never >> trail"
            """);

        var outcome = await w.RunAsync("r");

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        Assert.Equal("", w.Read("trail"));
        Assert.Single(await w.Store.Runbooks.StepsAsync(outcome.Run));
    }

    [Fact]
    public async Task On_failure_runbook_runs_the_rollback_as_a_new_run_triggered_by_the_failed_one()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: deploy
                  params:
                    - { name: version, default: "1.4.2" }
                    - { name: only_here, default: x }
                  steps:
                    - run: "printf deploy- >> trail; exit 1"
                      on_failure: runbook rollback
                    - run: "printf never >> trail"
                - name: rollback
                  params:
                    - { name: version, default: "0.0.0" }
                  steps:
                    - run: "printf rollback-${params.version} >> trail"
            """);

        var outcome = await w.RunAsync("deploy", new Dictionary<string, string> { ["version"] = "2.0.0" });

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var followUp = Assert.IsType<Jaga.Engine.Emergency.Runbooks.RunbookOutcome>(outcome.FollowUp);
        Assert.Equal("rollback", followUp.Runbook);
        Assert.Equal(RunbookRunStatus.Succeeded, followUp.Status);
        Assert.NotEqual(outcome.Run, followUp.Run);
        Assert.Equal("deploy-rollback-2.0.0", w.Read("trail"));
        var rollback = await w.Store.Runbooks.GetAsync(followUp.Run);
        Assert.Equal($"runbook:{outcome.Run}", rollback!.Trigger);
        Assert.Equal("tester", rollback.StartedBy);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "2.0.0" }, rollback.Parameters);
        Assert.Equal(RunbookRunStatus.Failed, (await w.Store.Runbooks.GetAsync(outcome.Run))!.Status);
    }

    [Fact]
    public async Task A_step_timeout_kills_the_whole_process_group_and_the_attempt_is_timed_out()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - name: slow
                      run: { command: "echo pid=$$; sleep 100 & echo child=$!; sleep 100", timeout: 1s }
                    - run: "printf never >> trail"
            """);

        var outcome = await w.RunAsync("r");

        Assert.Equal(RunbookRunStatus.Failed, outcome.Status);
        var step = Assert.Single(await w.Store.Runbooks.StepsAsync(outcome.Run));
        Assert.Equal(StepAttemptOutcome.TimedOut, step.Outcome);
        Assert.Contains("timed out after 1s", step.Detail, StringComparison.Ordinal);
        Assert.False(Alive(Number(step.Output!, "pid")), "the shell survived the timeout");
        Assert.False(Alive(Number(step.Output!, "child")), "the background sleep survived the timeout");
        Assert.Empty(Members(Number(step.Output!, "pid")));
        Assert.Equal("", w.Read("trail"));
    }

    [Fact]
    public async Task Ctrl_c_mid_step_interrupts_the_run_and_a_resume_runs_the_rest_without_repeating_done_steps()
    {
        await using var w = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - name: one
                      run: "printf 1 >> count; echo first"
                    - name: two
                      run: "echo pid=$$; printf 2 >> count; [ -e go ] || sleep 100"
                    - name: three
                      run: "printf 3 >> count; echo ${steps.one.output}-again"
            """);
        using var ctrlC = new CancellationTokenSource();
        var pid = 0;
        var listener = new Jaga.Engine.Emergency.Runbooks.RunbookListener
        {
            Line = line =>
            {
                if (line.StartsWith("pid=", StringComparison.Ordinal)) pid = int.Parse(line[4..], CultureInfo.InvariantCulture);
            },
        };

        var running = w.RunAsync("r", listener: listener, ct: ctrlC.Token);
        await Until(() => w.Read("count") == "12", "step two to start");
        await ctrlC.CancelAsync();
        var stopped = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RunbookRunStatus.Interrupted, stopped.Status);
        Assert.Equal(RunbookRunStatus.Interrupted, (await w.Store.Runbooks.GetAsync(stopped.Run))!.Status);
        Assert.NotEqual(0, pid);
        Assert.Empty(Members(pid));
        var before = await w.Store.Runbooks.StepsAsync(stopped.Run);
        Assert.Equal([(0, 1, StepAttemptOutcome.Succeeded), (1, 1, StepAttemptOutcome.Interrupted)], before.Select(a => (a.Index, a.Attempt, a.Outcome!.Value)));

        await File.WriteAllTextAsync(w.File("go"), "");
        var taken = await w.Store.Runbooks.TryTakeOverAsync(stopped.Run, w.Services.Node, DateTimeOffset.UtcNow, w.Services.Lease);
        Assert.NotNull(taken);
        var resumed = await w.Executor.ResumeAsync(taken, w.Runbook("r"), null, CancellationToken.None);

        Assert.True(resumed.Succeeded, resumed.Detail);
        Assert.Equal(stopped.Run, resumed.Run);
        Assert.Equal("1223", w.Read("count"));
        var after = await w.Store.Runbooks.StepsAsync(stopped.Run);
        Assert.Equal(
            [(0, 1, StepAttemptOutcome.Succeeded), (1, 1, StepAttemptOutcome.Interrupted), (1, 2, StepAttemptOutcome.Succeeded), (2, 1, StepAttemptOutcome.Succeeded)],
            after.Select(a => (a.Index, a.Attempt, a.Outcome!.Value)));
        // The output of a step done before the crash still reaches a later step, from the store.
        Assert.Equal("first-again", after[3].Output!.Trim());

        // Every attempt's start and end: one log line and one audit entry each.
        var audit = (await w.AuditAsync()).Where(e => e.Kind == "runbook.step").ToList();
        var log = w.LogLines();
        foreach (var (number, name, attempts) in new[] { (1, "one", 1), (2, "two", 2), (3, "three", 1) })
        {
            Assert.Equal(attempts, audit.Count(e => e.Data["step"] == name && !e.Data.ContainsKey("outcome")));
            Assert.Equal(attempts, audit.Count(e => e.Data["step"] == name && e.Data.ContainsKey("outcome")));
            Assert.Equal(attempts, log.Count(l => l.Contains($"run {stopped.Run} step {number} {name} (run) started", StringComparison.Ordinal)));
            Assert.Equal(attempts, log.Count(l => Regex.IsMatch(l, $@"run {stopped.Run} step {number} {name} (succeeded|interrupted) after ")));
        }
        Assert.Contains(audit, e => e.Data["step"] == "two" && e.Data.GetValueOrDefault("outcome") == "interrupted");
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    private static int Number(string output, string name)
    {
        var match = Regex.Match(output, $@"\b{name}=(\d+)");
        Assert.True(match.Success, $"no {name}= in: {output}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>State and group of a process, read from /proc (not through the code under test).</summary>
    private static (char State, int Group)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool Alive(int pid) => Stat(pid) is { } s && s.State != 'Z';

    /// <summary>Live processes of process group <paramref name="group"/>.</summary>
    private static List<int> Members(int group) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture)).Where(pid => Stat(pid) is { } s && s.Group == group && s.State != 'Z')];
}
