using System.Diagnostics;

namespace Jaga.Cli.Tests;

/// <summary>Plans and env files no command may crash or hang on: YAML syntax errors, FIFOs, devices, files too large.
/// Each is one positioned error and exit 2.</summary>
public sealed class PlanInputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Workspace ws = new();

    public void Dispose() => ws.Dispose();

    [Theory]
    [InlineData("validate")]
    [InlineData("run --once")]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("plan render")]
    public async Task A_yaml_syntax_error_is_a_positioned_error_and_exit_2_in_every_command(string command)
    {
        // An unclosed '[' followed by the next key: YamlDotNet threw InvalidOperationException (exit 70, or 134 in the daemon).
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan.Replace("timezone: Asia/Jakarta", "timezone: [", StringComparison.Ordinal));

        var r = await ws.Jaga(command.Split(' '));

        Assert.True(r.Code == 2, r.ToString());
        Assert.Matches(@"jaga\.yaml:4:\d+: YAML syntax", r.Err);
        Assert.DoesNotContain("   at ", r.Err + r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_as_the_plan_is_refused_at_once_instead_of_blocking()
    {
        var fifo = MakeFifo("plan.fifo");

        var r = await WithinBound(ws.Jaga("--plan", fifo, "validate"), fifo);

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains($"plan.fifo:1:1: the plan {Path.GetFullPath(fifo)} is a FIFO (named pipe), not a regular file", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_zero_as_the_plan_is_refused_without_reading_it()
    {
        var r = await WithinBound(ws.Jaga("--plan", "/dev/zero", "validate"), null);

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("/dev/zero:1:1: the plan /dev/zero is a character device, not a regular file", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_larger_than_one_mebibyte_is_refused_naming_the_limit()
    {
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan + "\n#" + new string('x', 1 << 20) + "\n");

        var r = await ws.Jaga("validate");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("jaga.yaml:1:1: the plan " + ws.PlanPath + " is larger than 1 MiB", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_zero_and_a_fifo_in_env_files_are_errors_at_their_entries()
    {
        var fifo = MakeFifo("env.fifo");
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan.Replace("env_files: [.env]", "env_files: [.env, /dev/zero, env.fifo]", StringComparison.Ordinal));

        var r = await WithinBound(ws.Jaga("validate"), fifo);

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("jaga.yaml:6:19: env_files: the env file /dev/zero is a character device, not a regular file", r.Err, StringComparison.Ordinal);
        Assert.Contains($"jaga.yaml:6:30: env_files: the env file {fifo} is a FIFO (named pipe), not a regular file", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_that_names_a_folder_is_refused_by_validate_not_at_run_time()
    {
        File.WriteAllText(ws.PlanPath, Workspace.MinimalPlan + "\nstate: /tmp\n");

        var r = await ws.Jaga("validate", "--lang", "en");
        var id = await ws.Jaga("validate");

        Assert.True(r.Code == 2, r.ToString());
        Assert.Contains("jaga.yaml:14:8: state: '/tmp' is a folder; the state store is a SQLite file", r.Err, StringComparison.Ordinal);
        Assert.Contains("jaga.yaml:14:8: state: '/tmp' adalah folder; state store berupa file SQLite", id.Err, StringComparison.Ordinal);
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(ws.Dir, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>The command's result, or a failure when it is still running after <see cref="Bound"/>; a command blocked
    /// opening <paramref name="fifo"/> is released by opening its other end, so the test run does not hang.</summary>
    private static async Task<JagaResult> WithinBound(Task<JagaResult> running, string? fifo)
    {
        if (await Task.WhenAny(running, Task.Delay(Bound)) == running) return await running;
        if (fifo is not null) await File.WriteAllTextAsync(fifo, "");
        Assert.Fail($"still running after {Bound}");
        return await running;
    }
}
