using System.Diagnostics;
using System.Globalization;
using Jaga.Testing;

namespace Jaga.Stores.Tests;

/// <summary>One Jaga.Stores.Writer process: opens a store, waits for <see cref="GoAsync"/>, appends (or takes locks), exits.</summary>
internal sealed class WriterProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly Task<string> errors;

    private WriterProcess(Process process, string actor)
    {
        this.process = process;
        Actor = actor;
        errors = process.StandardError.ReadToEndAsync();
    }

    public string Actor { get; }

    /// <summary>Starts a writer that appends <paramref name="count"/> entries; it opens the store and then waits for <see cref="GoAsync"/>.</summary>
    public static WriterProcess Start(string location, int count, string actor) =>
        Start([location, count.ToString(CultureInfo.InvariantCulture), actor], actor);

    /// <summary>Starts a writer that tries to claim <c>job-1</c> to <c>job-</c><paramref name="jobs"/> once each as
    /// <paramref name="owner"/> and prints <c>won</c> and the jobs it got; it opens the store and then waits for <see cref="GoAsync"/>.</summary>
    public static WriterProcess StartLocking(string location, int jobs, string owner) =>
        Start([location, "lock", jobs.ToString(CultureInfo.InvariantCulture), owner], owner);

    private static WriterProcess Start(string[] args, string actor)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Jaga.Stores.Writer.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("the writer was not built beside the tests", dll);
        // The dotnet CLI tells its children where it is; a test host run another way finds dotnet on PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var p = ChildProcess.Start(dotnet, [dll, .. args], redirectInput: true);
        return new WriterProcess(p, actor);
    }

    public async Task WaitUntilReadyAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        var line = await process.StandardOutput.ReadLineAsync(cts.Token);
        if (line != "ready") throw new InvalidOperationException($"writer {Actor} did not get ready: {line}\n{await ErrorsAsync()}");
    }

    public async Task GoAsync()
    {
        await process.StandardInput.WriteLineAsync("go");
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the writer to finish; returns what it printed last, or throws with its errors.</summary>
    public async Task<string> FinishAsync()
    {
        using var cts = new CancellationTokenSource(Patience);
        var output = await process.StandardOutput.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"writer {Actor} exited with {process.ExitCode}:\n{output}\n{await ErrorsAsync()}");
        return output.Trim();
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private async Task<string> ErrorsAsync() =>
        await Task.WhenAny(errors, Task.Delay(TimeSpan.FromSeconds(5))) == errors ? await errors : "";
}
