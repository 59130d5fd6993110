using Jaga.Engine.Processes;

namespace Jaga.Engine.Logs;

/// <summary>Runs a rule's <c>post_rotate</c> through <c>/bin/sh -c</c> in its own process group, killed whole at the timeout.
/// Its output is never echoed: only the exit code and, on failure, its last line of error output (redacted by the caller)
/// are reported.</summary>
public static class PostRotateCommand
{
    /// <returns>The exit code (null when it timed out) and the last line it wrote to standard error.</returns>
    public static async Task<(int? Exit, string LastError)> RunAsync(string command, string workingDirectory, TimeSpan timeout, CancellationToken ct)
    {
        using var child = GroupedProcess.Start(["/bin/sh", "-c", command], workingDirectory);
        var p = child.Process;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await p.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            await p.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            return (null, $"stopped after its timeout of {Core.Plan.Values.DurationValue.Format(timeout)}");
        }
        // A background child (a daemon the command started) may hold the pipes open: do not wait for it.
        await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(1), ct));
        var last = error.IsCompletedSuccessfully ? error.Result.TrimEnd().Split('\n').LastOrDefault() ?? "" : "";
        return (p.ExitCode, last.Length > 200 ? last[..200] : last);
    }
}
