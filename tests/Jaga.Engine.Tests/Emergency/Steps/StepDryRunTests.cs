using System.Net;
using System.Net.Sockets;
using Jaga.Core.Messages;
using Jaga.Core.Redaction;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>The dry run checks what a step needs without doing it, and labels how much that tells.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StepDryRunTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-dry-").FullName;
    private readonly StepDryRun dry = new(TimeProvider.System, new Redactor(["s3cr3t-T0ken-value"]), Catalog.English);

    private ProcessSpec InDir(ProcessSpec spec) => spec with
    {
        WorkingDirectory = dir,
        Env = new Dictionary<string, string> { ["PATH"] = dir },
    };

    private string Tool(string name, bool executable = true)
    {
        var file = Path.Combine(dir, name);
        File.WriteAllText(file, "#!/bin/sh\n");
        File.SetUnixFileMode(file, executable ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead);
        return file;
    }

    [Fact]
    public void A_sleep_is_simulated()
    {
        Assert.Equal(new DryRunCheck(DryRunLabel.Simulated, true, "would wait 5m"), dry.Sleep(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_program_found_on_the_steps_path_is_a_met_precondition()
    {
        var tool = Tool("restart-app");

        var check = dry.Process(InDir(ProcessSpec.Exec("restart-app", "--now")));

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, true, $"restart-app found at {tool}"), check);
    }

    [Fact]
    public void A_missing_program_is_an_unmet_precondition()
    {
        var check = dry.Process(InDir(ProcessSpec.Exec("no-such-tool")));

        Assert.Equal(DryRunLabel.PreconditionsChecked, check.Label);
        Assert.False(check.Ready);
        Assert.Equal($"no-such-tool not found on PATH ({dir})", check.Reason);
    }

    [Fact]
    public void A_file_that_is_not_executable_is_an_unmet_precondition()
    {
        var tool = Tool("script.sh", executable: false);

        var check = dry.Process(InDir(ProcessSpec.Shell("./script.sh")));

        Assert.False(check.Ready);
        Assert.Equal($"{tool} is not an executable file", check.Reason);
    }

    [Fact]
    public void The_first_command_of_a_shell_line_is_checked_and_the_rest_said_unchecked()
    {
        var tool = Tool("systemctl");

        var simple = dry.Process(InDir(ProcessSpec.Shell("LANG=C systemctl restart app 2>&1")));
        var list = dry.Process(InDir(ProcessSpec.Shell("systemctl restart app && curl -fsS http://localhost/health")));

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, true, $"systemctl found at {tool}"), simple);
        Assert.Equal($"first command: systemctl found at {tool}; the rest of the shell line is not checked", list.Reason);
        Assert.True(list.Ready);
    }

    [Fact]
    public void A_builtin_is_always_there()
    {
        var check = dry.Process(InDir(ProcessSpec.Shell("cd /var/www && git pull")));

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, true, "first command: cd is a shell builtin; the rest of the shell line is not checked"), check);
    }

    [Theory]
    [InlineData("$DEPLOY_TOOL --now", "$DEPLOY_TOOL")]
    [InlineData("for s in a b; do systemctl restart $s; done", "for")]
    [InlineData("(cd /tmp && make)", "(")]
    [InlineData("\"my tool\" run", "\"my")]
    [InlineData("sudo systemctl restart app", "sudo")]
    public void A_shell_line_whose_first_word_is_not_a_plain_program_cannot_be_simulated(string line, string first)
    {
        var check = dry.Process(InDir(ProcessSpec.Shell(line)));

        Assert.Equal(DryRunLabel.CannotSimulate, check.Label);
        Assert.Equal($"a shell line that starts with {first}: what it runs cannot be checked without running it", check.Reason);
    }

    [Fact]
    public void A_missing_working_directory_is_an_unmet_precondition()
    {
        var missing = Path.Combine(dir, "gone");

        var check = dry.Process(ProcessSpec.Shell("true") with { WorkingDirectory = missing });

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, false, $"working directory {missing} does not exist"), check);
    }

    [Fact]
    public void A_secret_in_the_checked_command_is_masked_in_the_reason()
    {
        var check = dry.Process(InDir(ProcessSpec.Shell("curl -H 'X: s3cr3t-T0ken-value' x; $X")));

        Assert.DoesNotContain("s3cr3t-T0ken-value", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task An_http_target_that_accepts_connections_is_reachable_and_gets_no_request()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptSocketAsync();

        var check = await dry.HttpAsync(new HttpSpec($"http://127.0.0.1:{port}/restart") { Method = "POST" });

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, true, $"127.0.0.1:{port} accepts TCP connections (no request sent)"), check);
        using var socket = await accepted;
        var buffer = new byte[64];
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task An_http_target_that_refuses_is_an_unmet_precondition()
    {
        var port = HttpStepRunnerTests.ClosedPort();

        var check = await dry.HttpAsync(new HttpSpec($"http://127.0.0.1:{port}/"));

        Assert.Equal(new DryRunCheck(DryRunLabel.PreconditionsChecked, false, $"127.0.0.1:{port} is not reachable: connection refused"), check);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
