using System.Diagnostics;
using System.Text;

namespace Jaga.Engine.Emergency.Drills;

/// <summary>Runs a drill's test command through <c>/bin/sh -c</c> with the scratch target in its environment. Its output
/// is kept only as a bounded tail, for the reason of a failure (masked by the caller); a command still running when the
/// drill is cancelled or times out is killed with its whole process tree.</summary>
internal static class DrillTest
{
    private const int Tail = 2048;

    /// <returns>The exit code (null when it could not be started) and the tail of its output (or why it did not start).</returns>
    public static async Task<(int? Exit, string Output)> RunAsync(
        string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeProvider realTime, CancellationToken ct)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", command },
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, e.Message);
        }
        process.StandardInput.Close();
        var tail = new StringBuilder();
        var stdout = CollectAsync(process.StandardOutput, tail);
        var stderr = CollectAsync(process.StandardError, tail);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended by itself just now.
            }
            throw;
        }
        // A background child may hold the pipes open: the output so far is enough.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(1), realTime, CancellationToken.None));
        lock (tail) return (process.ExitCode, tail.ToString().Trim());
    }

    private static async Task CollectAsync(StreamReader reader, StringBuilder tail)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (tail)
            {
                tail.Append(line).Append('\n');
                if (tail.Length > Tail) tail.Remove(0, tail.Length - Tail);
            }
        }
    }
}
