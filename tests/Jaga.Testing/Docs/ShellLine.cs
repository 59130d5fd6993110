using System.Diagnostics;
using System.Text;

namespace Jaga.Testing.Docs;

/// <summary>A line running in the background; what it prints is kept. Disposing kills it if it still runs.</summary>
public sealed class ShellLine : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly StringBuilder stdoutOnly = new();
    private readonly Task stdout;
    private readonly Task stderr;

    internal ShellLine(Process process)
    {
        Process = process;
        stdout = Drain(process.StandardOutput, stdoutOnly);
        stderr = Drain(process.StandardError, null);
    }

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary>What it printed on stdout alone (a <c>--json</c> document, without the progress lines of stderr).</summary>
    public string Stdout
    {
        get
        {
            lock (output) return stdoutOnly.ToString();
        }
    }

    internal Task DrainedAsync() => Task.WhenAll(stdout, stderr);

    public async Task<ShellResult> WaitAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        await DrainedAsync();
        return new ShellResult(Process.ExitCode, Output, Stdout);
    }

    private async Task Drain(StreamReader reader, StringBuilder? only)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
                only?.AppendLine(line);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        Process.Dispose();
    }
}
