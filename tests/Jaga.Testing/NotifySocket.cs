using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Jaga.Testing;

/// <summary>Plays systemd's side of <c>Type=notify</c>: a Unix datagram socket in a temp folder that collects what a
/// process sends to <c>$NOTIFY_SOCKET</c> (<c>READY=1</c>, <c>STOPPING=1</c>, <c>STATUS=...</c>). Give the child
/// <see cref="Path"/> as <see cref="EnvironmentVariable"/> and wait with <see cref="WaitForAsync(string, TimeSpan, CancellationToken)"/>.</summary>
public sealed class NotifySocket : IDisposable
{
    /// <summary>The variable sd_notify reads the socket path from.</summary>
    public const string EnvironmentVariable = "NOTIFY_SOCKET";

    private const string FolderPrefix = "jaga-notify-";

    private readonly Socket socket;
    private readonly string folder;
    private readonly List<string> messages = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiving;
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public NotifySocket()
    {
        // A short folder name: a Unix socket path may not be longer than 107 bytes.
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        Path = System.IO.Path.Combine(folder, "notify.sock");
        socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(Path));
        }
        catch
        {
            socket.Dispose();
            FixtureFolders.TryDelete(folder);
            throw;
        }
        receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The socket's path, the value for <c>NOTIFY_SOCKET</c>.</summary>
    public string Path { get; }

    /// <summary>The messages received so far, in order, each the whole datagram (assignments separated by line feeds).</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages) return [.. messages];
        }
    }

    /// <summary>Waits for a message with the line <paramref name="assignment"/> (e.g. <c>READY=1</c>; a datagram may
    /// carry several lines) and returns the whole message. Messages that came before the call count too.</summary>
    public Task<string> WaitForAsync(string assignment, TimeSpan timeout, CancellationToken ct = default) =>
        WaitForAsync(m => m.Split('\n').Contains(assignment, StringComparer.Ordinal), timeout, $"a message with {assignment}", ct);

    /// <summary>Waits for a message that <paramref name="match"/> accepts and returns it.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan timeout, string? description = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task next;
            lock (messages)
            {
                if (messages.FirstOrDefault(match) is { } found) return found;
                next = arrived.Task;
            }
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no {description ?? "matching message"} on {EnvironmentVariable} within {timeout.TotalSeconds:0.#} s; received: [{string.Join(", ", Messages.Select(m => m.ReplaceLineEndings("\\n")))}]");
            try
            {
                await next.WaitAsync(left, ct);
            }
            catch (TimeoutException)
            {
                // Look once more, then report.
            }
        }
    }

    /// <summary>How to start <paramref name="file"/> as systemd would start a <c>Type=notify</c> service: with
    /// <c>NOTIFY_SOCKET</c> set to this socket and a parent process named <c>systemd</c>.</summary>
    /// <remarks>Microsoft.Extensions.Hosting.Systemd's <c>UseSystemd()</c> does nothing unless
    /// <c>SystemdHelpers.IsSystemdService()</c>, which (outside PID 1) is true only when the parent's
    /// <c>/proc/PPID/comm</c> is <c>systemd</c>: NOTIFY_SOCKET alone is not enough. So the program runs under a copy of
    /// <c>/bin/sh</c> named <c>systemd</c>, which forwards SIGTERM (what systemd stops a service with) to it and exits
    /// with its exit code. Output is redirected; kill the process with <c>Kill(entireProcessTree: true)</c>.</remarks>
    public ProcessStartInfo StartInfoUnderSystemd(string file, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parent = System.IO.Path.Combine(folder, "systemd");
        if (!File.Exists(parent)) File.Copy("/bin/sh", parent);
        var info = new ProcessStartInfo(parent)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Run in the background so the shell stays the parent; wait again after a trapped TERM, which interrupts wait.
        const string script = """
            "$@" &
            child=$!
            trap 'kill -TERM "$child" 2>/dev/null' TERM
            wait "$child"; status=$?
            while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
            exit "$status"
            """;
        foreach (var a in (string[])["-c", script, "systemd", file, .. args])
            info.ArgumentList.Add(a);
        info.Environment[EnvironmentVariable] = Path;
        return info;
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        try
        {
            receiving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the socket's disposal; how it ends does not matter.
        }
        stop.Dispose();
        FixtureFolders.TryDelete(folder);
    }

    private async Task ReceiveAsync()
    {
        // sd_notify sends one datagram per call; 64 KiB is more than any it sends.
        var buffer = new byte[65536];
        while (!stop.IsCancellationRequested)
        {
            int n;
            try
            {
                n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var message = Encoding.UTF8.GetString(buffer, 0, n);
            lock (messages)
            {
                messages.Add(message);
                var done = arrived;
                arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                done.SetResult();
            }
        }
    }
}
