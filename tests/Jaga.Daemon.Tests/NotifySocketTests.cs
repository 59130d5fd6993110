using System.Net.Sockets;
using System.Text;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

public sealed class NotifySocketTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Sends as sd_notify does: one datagram to the path in NOTIFY_SOCKET.</summary>
    private static void Notify(string path, string message)
    {
        using var client = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        client.SendTo(Encoding.UTF8.GetBytes(message), new UnixDomainSocketEndPoint(path));
    }

    [Fact]
    public async Task Datagrams_sent_to_the_socket_are_collected_in_order()
    {
        using var notify = new NotifySocket();

        Notify(notify.Path, "READY=1");
        Notify(notify.Path, "STATUS=running 2 jobs\nMAINPID=42");
        Notify(notify.Path, "STOPPING=1");

        Assert.Equal("STOPPING=1", await notify.WaitForAsync("STOPPING=1", Wait));
        Assert.Equal(["READY=1", "STATUS=running 2 jobs\nMAINPID=42", "STOPPING=1"], notify.Messages);
    }

    [Fact]
    public async Task Waiting_finds_an_assignment_on_any_line_of_a_message_also_one_sent_later()
    {
        using var notify = new NotifySocket();

        var waiting = notify.WaitForAsync("MAINPID=42", Wait);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        Notify(notify.Path, "READY=1\nMAINPID=42");

        Assert.Equal("READY=1\nMAINPID=42", await waiting);
    }

    [Fact]
    public async Task Waiting_for_a_message_that_never_comes_times_out_and_says_what_came()
    {
        using var notify = new NotifySocket();
        Notify(notify.Path, "STATUS=starting");

        var e = await Assert.ThrowsAsync<TimeoutException>(() => notify.WaitForAsync("READY=1", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("STATUS=starting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_process_finds_the_socket_through_NOTIFY_SOCKET()
    {
        using var notify = new NotifySocket();
        var info = new System.Diagnostics.ProcessStartInfo("python3") { UseShellExecute = false };
        foreach (var a in (string[])["-c", "import os, socket; s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.sendto(b'READY=1', os.environ['NOTIFY_SOCKET'])"])
            info.ArgumentList.Add(a);
        info.Environment[NotifySocket.EnvironmentVariable] = notify.Path;
        using var child = System.Diagnostics.Process.Start(info)!;
        await child.WaitForExitAsync();

        Assert.Equal(0, child.ExitCode);
        Assert.Equal("READY=1", await notify.WaitForAsync("READY=1", Wait));
    }

    [Fact]
    public async Task Program_started_under_systemd_sees_a_parent_named_systemd_and_gets_the_stop_signal()
    {
        using var notify = new NotifySocket();
        // What SystemdHelpers.IsSystemdService() looks at, then READY=1; on SIGTERM STOPPING=1 and exit code 3.
        const string program = """
            import os, signal, socket, sys, time
            parent = open(f"/proc/{os.getppid()}/comm").read().strip()
            s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            def stop(*_):
                s.sendto(b"STOPPING=1", os.environ["NOTIFY_SOCKET"])
                sys.exit(3)
            signal.signal(signal.SIGTERM, stop)
            s.sendto(f"READY=1\nSTATUS=parent {parent}".encode(), os.environ["NOTIFY_SOCKET"])
            while True:
                time.sleep(0.05)
            """;
        using var child = System.Diagnostics.Process.Start(notify.StartInfoUnderSystemd("python3", ["-c", program]))!;
        try
        {
            Assert.Equal("READY=1\nSTATUS=parent systemd", await notify.WaitForAsync("READY=1", Wait));

            var kill = await ChildProcess.RunAsync("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Wait);
            Assert.Equal(0, kill.ExitCode);

            Assert.Equal("STOPPING=1", await notify.WaitForAsync("STOPPING=1", Wait));
            using var exited = new CancellationTokenSource(Wait);
            await child.WaitForExitAsync(exited.Token);
            Assert.Equal(3, child.ExitCode);
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void Dispose_removes_the_socket_and_its_folder()
    {
        var notify = new NotifySocket();
        var path = notify.Path;
        Assert.True(File.Exists(path));

        notify.Dispose();

        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }
}
