using System.Net;
using System.Net.Sockets;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary><c>jaga run</c> on a port something else holds: a user error (exit 2) that says what to change, with no stack
/// trace from the web host.</summary>
public sealed class ListenTests : IDisposable
{
    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task A_taken_listen_port_is_exit_2_with_the_fix_and_no_stack_trace()
    {
        using var holder = new TcpListener(IPAddress.Loopback, project.Port);
        holder.Start();
        project.WritePlan("");

        var r = await ChildProcess.RunAsync("dotnet", [RunningJaga.JagaDll, "--plan", project.PlanPath, "run"], TimeSpan.FromMinutes(2), project.Dir);

        Assert.True(r.ExitCode == 2, r.Output);
        Assert.Contains($"cannot listen on 127.0.0.1:{project.Port}", r.Output, StringComparison.Ordinal);
        Assert.Contains("change 'listen:' in the plan", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Output, StringComparison.Ordinal);
    }
}
