using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Jaga.Engine.Processes;

/// <summary>Starting a command as the leader of its own session and process group, and stopping that whole group.</summary>
/// <remarks>
/// <para>.NET's <see cref="Process"/> cannot call <c>setsid()</c> in the child, so the command is started through the
/// <c>setsid</c> program (util-linux; busybox has it too). The child .NET forks is never a group leader, so <c>setsid</c>
/// calls <c>setsid()</c> itself, without forking, and execs the command: the pid .NET knows is the session and group id.
/// The other way, <c>posix_spawn</c> with <c>POSIX_SPAWN_SETSID</c> by P/Invoke, would mean doing by hand what
/// <see cref="Process"/> does well (pipes, environment, reaping the child beside the runtime's own SIGCHLD handling) for
/// one flag; a small well-known binary is the sturdier part. Where <c>setsid</c> is missing, <see cref="GroupedProcess"/>
/// falls back to killing the process tree it can see (<see cref="Process.Kill(bool)"/>), which misses a child that left
/// its parent.</para>
/// <para>A group ends with <c>kill(-pgid, SIGTERM)</c>, then <c>SIGKILL</c> after a grace. Until <c>setsid()</c> has run (a
/// moment after the start) there is no group yet, so the leader is signalled by its pid as well.</para>
/// </remarks>
internal static class ProcessGroup
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    private const int NoSuchProcess = 3;

    /// <summary>The <c>setsid</c> program, or null when this system has none.</summary>
    public static string? Setsid { get; } = Find("setsid");

    private static readonly Lazy<string?> SignalReset = new(FindSignalReset);

    /// <summary><c>env</c> when it can put SIGPIPE back to its default (coreutils 8.31 and later), else null.</summary>
    /// <remarks>.NET ignores SIGPIPE, and an ignored signal stays ignored across exec, where no shell can undo it: in
    /// <c>yes | head</c> the writer would then get an error ("Broken pipe") instead of ending quietly as in a terminal.
    /// Checked once, by running it.</remarks>
    public static string? DefaultSignals => SignalReset.Value;

    /// <summary>Sends <paramref name="signal"/> to every process of the group <paramref name="pgid"/> and to its leader.</summary>
    public static void Signal(int pgid, int signal)
    {
        // A leader that has already ended is no failure: the signal is for whatever is left.
        if (Kill(-pgid, signal) != 0 && Marshal.GetLastPInvokeError() == NoSuchProcess) _ = Kill(pgid, signal);
    }

    /// <summary>Whether a process of the group is still alive. A zombie does not count: it has ended, and only its parent
    /// (often init, which in a container may never reap it) can remove it.</summary>
    public static bool HasLiveMembers(int pgid)
    {
        if (!Directory.Exists("/proc/self")) return Kill(-pgid, 0) == 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(dir);
            if (name.Length == 0 || !char.IsAsciiDigit(name[0])) continue;
            if (Stat(name) is { } stat && stat.Group == pgid && stat.State != 'Z') return true;
        }
        return false;
    }

    /// <summary>The state and the process group of <c>/proc/PID/stat</c>; null when the process is gone.</summary>
    internal static (char State, int Group)? Stat(string pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses, so read after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ', 4);
            return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string? FindSignalReset()
    {
        if (Find("env") is not { } env) return null;
        try
        {
            using var probe = System.Diagnostics.Process.Start(new ProcessStartInfo(env, ["--default-signal=PIPE", "true"])
            {
                UseShellExecute = false,
                RedirectStandardError = true,
            });
            if (probe is null) return null;
            probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0 ? env : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? Find(string program)
    {
        string[] usual = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return usual.Concat(path).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
