using System.Diagnostics;
using System.Text;

namespace Jaga.Testing;

/// <summary>Runs a program to completion and keeps what it printed, for fixtures that drive server tools.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output);

    /// <param name="file">The program.</param>
    /// <param name="args">Its arguments, each passed as is.</param>
    /// <param name="timeout">Killed, with its whole process tree, after this; a <see cref="TimeoutException"/> then.</param>
    /// <param name="workingDirectory">Where it runs; the test's own folder when null.</param>
    /// <param name="environment">Variables set for it on top of the test process's own.</param>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var p = Start(file, args, workingDirectory: workingDirectory, environment: environment);
        var output = new StringBuilder();
        var stdout = Drain(p.StandardOutput, output);
        var stderr = Drain(p.StandardError, output);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s:\n{output}");
        }
        await Task.WhenAll(stdout, stderr);
        return new Result(p.ExitCode, output.ToString());
    }

    /// <summary>The same, blocking: for process-exit handlers, which cannot await.</summary>
    public static Result Run(string file, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        using var p = Start(file, args, workingDirectory: workingDirectory);
        var output = new StringBuilder();
        var stdout = Drain(p.StandardOutput, output);
        var stderr = Drain(p.StandardError, output);
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return new Result(-1, output.ToString());
        }
        Task.WaitAll(stdout, stderr);
        return new Result(p.ExitCode, output.ToString());
    }

    public static Process Start(string file, IEnumerable<string> args, bool redirectInput = false, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    }

    /// <summary>Kills a server and everything it started, waits for it, disposes it; a server already gone is fine.</summary>
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }

    /// <summary>A server's log file for a failure message, or a note that there is none.</summary>
    public static string ReadLog(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return "(no server log)";
        }
    }

    private static async Task Drain(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (into) into.AppendLine(line);
    }
}
