using System.Diagnostics;

namespace Jaga.Testing.Docs;

/// <summary>A reader's shell for running a doc's command lines as written: <c>bash -c LINE</c> in a folder, with a
/// <c>jaga</c> on PATH that runs the CLI built beside the tests, and stdin at <c>/dev/null</c> (no terminal: jaga asks
/// nothing, as in a script).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DocShell : IDisposable
{
    private readonly string bin;

    public DocShell(string directory)
    {
        Directory = directory;
        bin = System.IO.Directory.CreateTempSubdirectory("jaga-docshell-").FullName;
        var shim = Path.Combine(bin, "jaga");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet '{RunningJaga.JagaDll}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The folder the lines run in.</summary>
    public string Directory { get; }

    /// <summary>Variables added to each line's environment (HOME, an index URL), as the reader's shell has them.</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs one line to its end.</summary>
    public async Task<ShellResult> RunAsync(string line, TimeSpan timeout)
    {
        using var started = Start(line);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await started.Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            started.Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{line}` did not finish within {timeout.TotalSeconds:0} s:\n{started.Output}");
        }
        await started.DrainedAsync();
        return new ShellResult(started.Process.ExitCode, started.Output, started.Stdout);
    }

    /// <summary>Starts one line in the background (a command that waits, as a second terminal would have it).</summary>
    public ShellLine Start(string line)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"export PATH='{bin}':\"$PATH\"; exec </dev/null; {line}");
        foreach (var (k, v) in Environment) info.Environment[k] = v;
        return new ShellLine(Process.Start(info) ?? throw new InvalidOperationException("bash did not start"));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(bin, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
