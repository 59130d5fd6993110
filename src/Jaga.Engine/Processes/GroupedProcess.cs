using System.Diagnostics;

namespace Jaga.Engine.Processes;

/// <summary>A command started in its own session and process group (see <see cref="ProcessGroup"/>), so that stopping it
/// stops everything it started, a grandchild that left its parent included. Shared by runbook <c>run</c> steps, <c>command</c>
/// checks and <c>post_rotate</c>: each reads the output its own way, all start and stop the same way.</summary>
internal sealed class GroupedProcess : IDisposable
{
    private GroupedProcess(Process process, int? group)
    {
        Process = process;
        Group = group;
    }

    /// <summary>The leader; its standard input, output and error are redirected.</summary>
    public Process Process { get; }

    /// <summary>The process group (the leader's pid); null when the system has no <c>setsid</c>.</summary>
    public int? Group { get; }

    /// <summary>Starts <paramref name="command"/> (a program and its arguments) in <paramref name="folder"/>.</summary>
    /// <param name="command">The program and its arguments, each one word.</param>
    /// <param name="folder">The working directory; it must exist.</param>
    /// <param name="env">Variables added to Jaga's own environment.</param>
    /// <param name="mergeErrors">Standard error joins standard output on one pipe, in order (a small shell does
    /// <c>2&gt;&amp;1</c> and execs the command in its place).</param>
    /// <param name="setsid">The <c>setsid</c> program; null starts the command without a group of its own.</param>
    /// <param name="signalReset"><c>env</c> that can put SIGPIPE back to its default; null leaves it ignored, as .NET
    /// children inherit it.</param>
    /// <exception cref="System.ComponentModel.Win32Exception">The first program could not be started.</exception>
    public static GroupedProcess Start(IReadOnlyList<string> command, string folder, IReadOnlyDictionary<string, string>? env, bool mergeErrors,
        string? setsid, string? signalReset)
    {
        // setsid [env --default-signal=PIPE] [/bin/sh -c 'exec "$@" 2>&1' sh] COMMAND…: every part execs the next, so the
        // pid .NET knows stays the group's leader.
        var line = new List<string>();
        if (setsid is not null) line.Add(setsid);
        if (signalReset is not null) line.AddRange([signalReset, "--default-signal=PIPE"]);
        if (mergeErrors) line.AddRange(["/bin/sh", "-c", "exec \"$@\" 2>&1", "sh"]);
        line.AddRange(command);
        var info = new ProcessStartInfo(line[0])
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var word in line.Skip(1)) info.ArgumentList.Add(word);
        foreach (var (name, value) in env ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }
        return new GroupedProcess(process, setsid is null ? null : process.Id);
    }

    /// <summary>The usual start: with <c>setsid</c> and SIGPIPE at its default where this system allows.</summary>
    public static GroupedProcess Start(IReadOnlyList<string> command, string folder, bool mergeErrors = false) =>
        Start(command, folder, null, mergeErrors, ProcessGroup.Setsid, ProcessGroup.DefaultSignals);

    /// <summary>SIGKILL to the whole group now (or to the visible tree without a group).</summary>
    public void Kill()
    {
        if (Group is { } pgid)
        {
            ProcessGroup.Signal(pgid, ProcessGroup.SigKill);
            return;
        }
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself just now.
        }
    }

    /// <summary>SIGTERM to the group; SIGKILL when a member is still alive after <paramref name="grace"/>. Returns once
    /// the group is gone (or, after SIGKILL, at most two seconds later).</summary>
    public async Task<GroupStop> StopAsync(TimeSpan grace, TimeProvider clock)
    {
        if (Group is not { } pgid)
        {
            Kill();
            return GroupStop.TreeKilled;
        }
        ProcessGroup.Signal(pgid, ProcessGroup.SigTerm);
        var since = clock.GetTimestamp();
        while (clock.GetElapsedTime(since) < grace)
        {
            if (Process.HasExited && !ProcessGroup.HasLiveMembers(pgid)) return GroupStop.Terminated;
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock);
        }
        ProcessGroup.Signal(pgid, ProcessGroup.SigKill);
        // SIGKILL cannot be refused; wait the moment the kernel takes, so that the group is gone when the caller goes on.
        for (var i = 0; i < 100 && ProcessGroup.HasLiveMembers(pgid); i++) await Task.Delay(TimeSpan.FromMilliseconds(20), clock);
        return GroupStop.Killed;
    }

    public void Dispose() => Process.Dispose();
}
