using System.Diagnostics;
using System.Globalization;
using Jaga.Testing;

namespace Jaga.Daemon.Tests;

/// <summary>A real web application to break and restart: <c>python3 -m http.server</c> on a free loopback port, started in
/// the background by a script in the project folder (<c>start-app.sh</c>: its own session, output to <c>app.out</c>, its pid
/// in <c>app.pid</c>), the way a runbook's <c>run</c> step restarts a service. The test starts it with the same script the
/// runbook runs. Disposing kills every server it saw in the pid file, since a background server is no child of the test nor
/// of <c>jaga</c> and would outlive both.</summary>
internal sealed class BackgroundApp : IDisposable
{
    private readonly HashSet<int> seen = [];

    public BackgroundApp(string dir)
    {
        Dir = dir;
        Port = Loopback.FreePort();
        Directory.CreateDirectory(Path.Combine(dir, "site"));
        File.WriteAllText(Path.Combine(dir, "site", "index.html"), "<p>shop</p>\n");
        File.WriteAllText(Script, $$"""
            #!/bin/sh
            # Starts the shop in the background, in a session of its own, and leaves its pid in app.pid.
            cd "$(dirname "$0")"
            setsid nohup python3 -m http.server {{Port}} --bind 127.0.0.1 --directory site >>app.out 2>&1 </dev/null &
            echo $! > app.pid

            """);
    }

    public string Dir { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    /// <summary>The start script, as a runbook step runs it: <c>run: sh start-app.sh</c>.</summary>
    public string Script => Path.Combine(Dir, "start-app.sh");

    private string PidFile => Path.Combine(Dir, "app.pid");

    /// <summary>The pid in <c>app.pid</c>, or null when there is none yet.</summary>
    public int? Pid
    {
        get
        {
            var text = File.Exists(PidFile) ? File.ReadAllText(PidFile).Trim() : "";
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return null;
            lock (seen) seen.Add(pid);
            return pid;
        }
    }

    /// <summary>What the servers printed, for a failure message.</summary>
    public string Output => File.Exists(Path.Combine(Dir, "app.out")) ? File.ReadAllText(Path.Combine(Dir, "app.out")) : "(no app.out)";

    /// <summary>Starts the server with the script and waits until it answers.</summary>
    public async Task StartAsync(HttpClient http, TimeSpan timeout)
    {
        var r = await ChildProcess.RunAsync("sh", [Script], TimeSpan.FromSeconds(30), Dir);
        Assert.True(r.ExitCode == 0, r.Output);
        Assert.NotNull(Pid);
        await Poll.UntilAsync(() => AnswersAsync(http), timeout, () => "the app did not answer:\n" + Output);
    }

    /// <summary>Whether GET / answers 200.</summary>
    public async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(Url));
            return (int)response.StatusCode == 200;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary><c>kill -9</c> of the server in the pid file: the outage.</summary>
    public async Task CrashAsync()
    {
        var pid = Pid ?? throw new InvalidOperationException("the app has no pid file");
        using var p = Process.GetProcessById(pid);
        p.Kill();
        await p.WaitForExitAsync();
    }

    /// <summary>Whether a process with <paramref name="pid"/> runs python (the server), not a pid reused by another.</summary>
    public static bool IsServer(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited && p.ProcessName.StartsWith("python", StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _ = Pid;
        int[] pids;
        lock (seen) pids = [.. seen];
        foreach (var pid in pids.Where(IsServer))
        {
            try
            {
                using var p = Process.GetProcessById(pid);
                p.Kill();
                p.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone in between.
            }
        }
    }
}
