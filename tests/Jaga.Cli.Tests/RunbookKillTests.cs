using System.Globalization;
using Jaga.Cli.Composition;
using Jaga.Core.Ports;
using Jaga.Engine.Planning;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Cli.Tests;

/// <summary><c>kill -9</c> of <c>jaga runbook run</c> in the middle of a step, then <c>jaga runbook resume</c>: the resume
/// waits for the dead driver's lease, the step that was running runs again, the steps done before do not.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookKillTests
{
    private const string Plan = """
        version: 1
        project: toko
        language: en
        log: { file: logs/maintenance.log }
        scheduler: { lease: 3s }
        emergency:
          runbooks:
            - name: r
              steps:
                - name: one
                  run: "printf 1 >> out"
                - name: two
                  run: "echo $$ > two.pid; printf 2 >> out; [ -e killed ] || sleep 60"
                - name: three
                  run: "printf 3 >> out"
        """;

    [Fact]
    public async Task Kill_9_mid_step_then_resume_repeats_only_the_interrupted_step()
    {
        using var ws = new Workspace(Plan, "");
        string Out() => File.Exists(Path.Combine(ws.Dir, "out")) ? File.ReadAllText(Path.Combine(ws.Dir, "out")) : "";

        using (var first = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "run", "r", "--yes"]))
        {
            await Until(() => Out() == "12" && File.Exists(Path.Combine(ws.Dir, "two.pid")), () => first.Output);
            // While its driver lives (and renews its lease), the run is not taken over.
            using (var busy = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "resume", await RunIdAsync(ws)]))
            {
                await busy.WaitForExitAsync(TimeSpan.FromSeconds(60));
                Assert.True(busy.ExitCode == 2, busy.Output);
                Assert.Contains("is driven by", busy.Output, StringComparison.Ordinal);
            }
            Assert.False(first.HasExited, first.Output);
            Assert.Equal("12", Out());
            await first.KillAsync();
        }
        // The step's shell leads its own process group (the executor started it with setsid): jaga's death leaves it running.
        var group = int.Parse(File.ReadAllText(Path.Combine(ws.Dir, "two.pid")).Trim(), CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(ws.Dir, "killed"), "");
        var kill = await ChildProcess.RunAsync("kill", ["-9", "--", $"-{group}"], TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.Output);

        var runId = await RunIdAsync(ws);
        using var resume = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "resume", runId]);
        await resume.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(resume.ExitCode == 0, resume.Output);
        Assert.Equal("1223", Out());
        Assert.Contains("done before, not repeated", resume.Output, StringComparison.Ordinal);
        var plan = PlanFile.Load(ws.PlanPath).Plan!;
        await using var store = await CompositionRoot.OpenStoreAsync(plan, TimeProvider.System);
        var run = await store.Runbooks.GetAsync(runId);
        Assert.Equal(RunbookRunStatus.Succeeded, run!.Status);
        var steps = await store.Runbooks.StepsAsync(runId);
        Assert.Equal(
            [(0, 1, StepAttemptOutcome.Succeeded), (1, 1, StepAttemptOutcome.Interrupted), (1, 2, StepAttemptOutcome.Succeeded), (2, 1, StepAttemptOutcome.Succeeded)],
            steps.Select(a => (a.Index, a.Attempt, a.Outcome ?? StepAttemptOutcome.Skipped)));
        var log = File.ReadAllLines(ws.LogPath);
        Assert.Single(log, l => l.Contains($"run {runId} step 2 two (run) started, attempt 1", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains($"run {runId} step 2 two (run) started, attempt 2", StringComparison.Ordinal));
        Assert.Single(log, l => l.Contains($"run {runId} step 1 one (run) started", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The signals this process ignores (inherited by its children): SIGINT among them under a shell's
    /// background job, which a child that keeps ignoring it would never see.</summary>
    private static string SigIgn() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) ?? "unknown";

    [Fact]
    public async Task Ctrl_c_of_jaga_stops_the_step_group_ends_the_run_interrupted_and_resume_finishes_it()
    {
        using var ws = new Workspace(Plan, "");
        string Out() => File.Exists(Path.Combine(ws.Dir, "out")) ? File.ReadAllText(Path.Combine(ws.Dir, "out")) : "";

        using var first = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "run", "r", "--yes"]);
        await Until(() => Out() == "12" && File.Exists(Path.Combine(ws.Dir, "two.pid")), () => first.Output);
        var group = int.Parse(File.ReadAllText(Path.Combine(ws.Dir, "two.pid")).Trim(), CultureInfo.InvariantCulture);
        var interrupt = await ChildProcess.RunAsync("kill", ["-s", "INT", first.Pid.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(interrupt.ExitCode == 0, interrupt.Output);
        // A stop has 10 s (Program.TerminationGrace); the rest is room for a loaded machine. Its output says where it hung.
        try
        {
            await first.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"jaga did not exit within 60 s of SIGINT (SigIgn of this test host: {SigIgn()}):\n{first.Output}");
        }

        Assert.True(first.ExitCode == 1, first.Output);
        var runId = await RunIdAsync(ws, RunbookRunStatus.Interrupted);
        Assert.Contains($"continue it with: jaga runbook resume {runId}", first.Output, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateDirectories("/proc").Any(d => Group(Path.GetFileName(d)) == group), "the step's process group outlived jaga");

        await File.WriteAllTextAsync(Path.Combine(ws.Dir, "killed"), "");
        using var resume = new RunningJaga(ws.PlanPath, ws.Dir, ["runbook", "resume", runId]);
        await resume.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(resume.ExitCode == 0, resume.Output);
        Assert.Equal("1223", Out());
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The process group of live process <paramref name="pid"/> (a /proc entry name), or -1.</summary>
    private static int Group(string? pid)
    {
        try
        {
            if (pid is null || !pid.All(char.IsAsciiDigit)) return -1;
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? -1 : int.Parse(fields[2], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static async Task<string> RunIdAsync(Workspace ws, RunbookRunStatus status = RunbookRunStatus.Running)
    {
        var plan = PlanFile.Load(ws.PlanPath).Plan!;
        await using var store = await CompositionRoot.OpenStoreAsync(plan, TimeProvider.System);
        var run = Assert.Single(await store.Runbooks.ListAsync("r", 10));
        Assert.Equal(status, run.Status);
        return run.Id;
    }

    private static async Task Until(Func<bool> condition, Func<string> output)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "step two did not start:\n" + output());
            await Task.Delay(50);
        }
    }
}
