using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary><c>jaga run</c> as a systemd <c>Type=notify</c> service: it says READY=1 once it serves, and on SIGTERM
/// STOPPING=1, then exits cleanly and logs that it stopped.</summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DaemonProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public async Task Under_systemd_the_daemon_notifies_ready_then_stopping_on_sigterm_and_exits_0_with_started_and_stopped_lines()
    {
        project.WritePlan("""
            backup:
              - name: files
                source: { files: [data/] }
                every: 1h
                to: [local]
            """);
        using var notify = new NotifySocket();
        var info = notify.StartInfoUnderSystemd("dotnet", [RunningJaga.JagaDll, "--plan", project.PlanPath, "run"]);
        info.WorkingDirectory = project.Dir;
        var output = new StringBuilder();
        using var service = Process.Start(info)!;
        try
        {
            service.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            service.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            service.BeginOutputReadLine();
            service.BeginErrorReadLine();
            string Said() { lock (output) return output.ToString(); }

            await notify.WaitForAsync("READY=1", Wait);
            // Ready means serving: the HTTP endpoints answer by now.
            Assert.Equal(200, await project.StatusAsync("/healthz"));
            Assert.DoesNotContain(notify.Messages, m => m.Split('\n').Contains("STOPPING=1"));

            // The PID systemd signals is the service's: here the stand-in parent, which passes SIGTERM on.
            var term = await ChildProcess.RunAsync("kill", ["-s", "TERM", service.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            Assert.True(term.ExitCode == 0, term.Output);

            await notify.WaitForAsync("STOPPING=1", Wait);
            using var exited = new CancellationTokenSource(Wait);
            await service.WaitForExitAsync(exited.Token);
            Assert.True(service.ExitCode == 0, $"exit {service.ExitCode}\n{Said()}");
            var ready = notify.Messages.ToList().FindIndex(m => m.Split('\n').Contains("READY=1"));
            var stopping = notify.Messages.ToList().FindIndex(m => m.Split('\n').Contains("STOPPING=1"));
            Assert.True(ready < stopping, string.Join(", ", notify.Messages));

            var log = project.LogLines();
            Assert.Contains(log, l => l.Contains("[INFO] Jaga daemon started", StringComparison.Ordinal));
            Assert.Contains(log, l => l.Contains("[INFO] Jaga daemon stopped", StringComparison.Ordinal));
            Assert.True(Array.FindLastIndex(log, l => l.Contains("Jaga daemon stopped", StringComparison.Ordinal))
                > Array.FindIndex(log, l => l.Contains("Jaga daemon started", StringComparison.Ordinal)));
        }
        finally
        {
            if (!service.HasExited) service.Kill(entireProcessTree: true);
        }
    }
}
