using System.Diagnostics;
using System.Text;
using Jaga.Testing;

namespace Jaga.Backup.Tests.Faults;

/// <summary><c>dotnet jaga.dll …</c> running as a child process, for a test to kill or signal; what it prints is kept.
/// Disposing kills it if it still runs, so no test leaves one behind.</summary>
public sealed class RunningJaga : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public RunningJaga(string planPath, string workingDirectory, string[] args)
    {
        process = ChildProcess.Start("dotnet", [FaultWorkspace.JagaDll, "--plan", planPath, .. args], workingDirectory: workingDirectory);
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    /// <summary><c>kill -9</c>: Process.Kill is SIGKILL on Linux, so no handler, finally block or clean-up in jaga runs.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary><c>kill -TERM</c>, what a service manager sends to stop jaga.</summary>
    public async Task TerminateAsync()
    {
        var kill = await ChildProcess.RunAsync("kill", ["-s", "TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.Output);
    }

    public Task WaitForExitAsync(TimeSpan timeout) => process.WaitForExitAsync().WaitAsync(timeout);

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }
}
