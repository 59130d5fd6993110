using Jaga.Core.Messages;
using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>Real processes through /bin/sh: exit codes, environment, folder, merged output, the own process group.</summary>
[Trait("Category", "Integration")]
public sealed class ProcessStepRunnerTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-step-").FullName;

    private static ProcessStepRunner Runner(Catalog? words = null) => new(TimeProvider.System, Redactor.None, words ?? Catalog.English);

    [Fact]
    public async Task Exit_code_zero_succeeds_with_stdout_and_stderr_merged_in_order()
    {
        var lines = new List<string>();
        var result = await Runner().RunAsync(ProcessSpec.Shell("echo one; echo two >&2; echo three"), lines.Add);

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("exit code 0", result.Reason);
        Assert.Equal(["one", "two", "three"], lines);
        Assert.Equal("one\ntwo\nthree\n", result.Output);
        Assert.Equal("one\ntwo\nthree\n", result.Tail);
    }

    [Fact]
    public async Task An_exit_code_not_accepted_fails_and_says_which_were()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("echo trying; exit 3"));

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("exit code 3, accepted: 0", result.Reason);
        Assert.Equal("trying\n", result.Tail);
    }

    [Fact]
    public async Task Accepted_exit_codes_count_as_success_and_zero_is_then_a_failure()
    {
        var accepting = ProcessSpec.Shell("exit 3") with { AcceptedExitCodes = [0, 3] };
        var strict = ProcessSpec.Shell("exit 0") with { AcceptedExitCodes = [1] };

        Assert.Equal(StepOutcome.Succeeded, (await Runner().RunAsync(accepting)).Outcome);
        var failed = await Runner().RunAsync(strict);
        Assert.Equal(StepOutcome.Failed, failed.Outcome);
        Assert.Equal("exit code 0, accepted: 1", failed.Reason);
    }

    [Fact]
    public async Task A_command_killed_by_a_signal_says_which()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("kill -9 $$"));

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal("exit code 137 (killed by signal 9), accepted: 0", result.Reason);
    }

    [Fact]
    public async Task The_reason_is_in_the_plans_language()
    {
        var result = await Runner(Catalog.Indonesian).RunAsync(ProcessSpec.Shell("exit 3"));

        Assert.Equal("kode keluar 3, yang diterima: 0", result.Reason);
    }

    [Fact]
    public async Task A_program_runs_without_a_shell_with_its_arguments_as_words()
    {
        var result = await Runner().RunAsync(ProcessSpec.Exec("printf", "%s|", "a b", "$HOME", "c;d"));

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal("a b|$HOME|c;d|\n", result.Output);
    }

    [Fact]
    public async Task A_missing_program_fails_with_exit_code_127_said_as_not_found()
    {
        var result = await Runner().RunAsync(ProcessSpec.Exec("/nonexistent/jaga-tool", "x"));

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Equal(127, result.ExitCode);
        Assert.Equal("exit code 127 (command not found), accepted: 0", result.Reason);
        Assert.Contains("jaga-tool", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_vars_are_added_to_the_inherited_environment()
    {
        var spec = ProcessSpec.Shell("echo \"$JAGA_STEP_X|$HOME\"") with { Env = new Dictionary<string, string> { ["JAGA_STEP_X"] = "42" } };

        var result = await Runner().RunAsync(spec);

        Assert.Equal($"42|{Environment.GetEnvironmentVariable("HOME")}\n", result.Output);
    }

    [Fact]
    public async Task The_command_runs_in_its_working_directory()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("pwd") with { WorkingDirectory = dir });

        Assert.Equal(dir + "\n", result.Output);
    }

    [Fact]
    public async Task A_missing_working_directory_is_a_clear_failure_not_an_exception()
    {
        var missing = Path.Combine(dir, "nowhere");

        var result = await Runner().RunAsync(ProcessSpec.Shell("echo never") with { WorkingDirectory = missing });

        Assert.Equal(StepOutcome.Failed, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Equal($"working directory {missing} does not exist", result.Reason);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Standard_input_is_closed_so_a_command_that_reads_it_does_not_hang()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("cat; read answer || echo no-input") with { Timeout = TimeSpan.FromSeconds(20) });

        Assert.Equal(StepOutcome.Succeeded, result.Outcome);
        Assert.Equal("no-input\n", result.Output);
    }

    [Fact]
    public async Task The_command_leads_its_own_session_and_process_group()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("echo \"pid=$$ pgid=$(cut -d' ' -f5 /proc/$$/stat) sid=$(cut -d' ' -f6 /proc/$$/stat)\""));

        var pid = GroupProbe.Number(result.Output, "pid");
        Assert.Equal(pid, GroupProbe.Number(result.Output, "pgid"));
        Assert.Equal(pid, GroupProbe.Number(result.Output, "sid"));
        Assert.NotEqual(GroupProbe.Stat(Environment.ProcessId)!.Value.Group, pid);
    }

    [Fact]
    public async Task A_last_line_without_a_line_break_is_kept()
    {
        var lines = new List<string>();

        var result = await Runner().RunAsync(ProcessSpec.Shell("printf 'a\\nb'"), lines.Add);

        Assert.Equal(["a", "b"], lines);
        Assert.Equal("a\nb\n", result.Output);
    }

    [Fact]
    public async Task A_background_child_left_by_a_command_that_exited_is_not_killed()
    {
        var result = await new ProcessStepRunner(TimeProvider.System, Redactor.None, Catalog.English) { Drain = TimeSpan.FromMilliseconds(300) }
            .RunAsync(ProcessSpec.Shell("sleep 295 & echo child=$!"));
        var child = GroupProbe.Number(result.Output, "child");
        try
        {
            Assert.Equal(StepOutcome.Succeeded, result.Outcome);
            Assert.True(GroupProbe.IsAlive(child), "a service the step started in the background must survive it");
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(child).Kill();
        }
    }

    [Fact]
    public async Task Sigpipe_is_back_to_its_default_so_a_pipeline_ends_quietly_as_in_a_terminal()
    {
        var result = await Runner().RunAsync(ProcessSpec.Shell("yes | head -c 10 >/dev/null; echo done"));

        Assert.Equal("done\n", result.Output);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
