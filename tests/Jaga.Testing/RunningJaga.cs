using System.Diagnostics;
using System.Text;
using Xunit;

namespace Jaga.Testing;

/// <summary><c>dotnet jaga.dll …</c> running as a child process, for a test to kill or signal; what it prints is kept.
/// Disposing kills it if it still runs, so no test leaves one behind.</summary>
public sealed class RunningJaga : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public RunningJaga(string planPath, string workingDirectory, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[JagaDll, "--plan", planPath, .. args]) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The CLI as built beside the test assembly (the test project references Jaga.Cli), else in its own Release bin folder.</summary>
    public static string JagaDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "jaga.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "jaga.runtimeconfig.json"))) return beside;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var built = Path.Combine(dir.FullName, "src", "Jaga.Cli", "bin", "Release", "net10.0", "jaga.dll");
                if (File.Exists(built)) return built;
            }
            throw new FileNotFoundException("jaga.dll was not found beside the tests nor in src/Jaga.Cli/bin/Release");
        }
    }

    public int Pid => process.Id;

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
