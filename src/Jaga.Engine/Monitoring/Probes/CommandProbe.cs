using System.Text;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Engine.Processes;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>command</c> check, in the Nagios plugin convention: <c>/bin/sh -c</c> in the plan's folder; the exit
/// code (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN) is the observation's exit code, the output its [BODY], and the
/// performance data its values. It runs in its own process group (<see cref="GroupedProcess"/>): a command still running at
/// the timeout is killed with everything it started.</summary>
internal sealed class CommandProbe(CommandCheck check, ProbeContext context) : ICheckProbe
{
    public const int MaxOutput = 64 * 1024;

    public async Task<CheckObservation> ObserveAsync(CancellationToken ct)
    {
        var started = context.Clock.GetTimestamp();
        GroupedProcess child;
        try
        {
            child = GroupedProcess.Start(["/bin/sh", "-c", check.Command], context.Plan.Directory);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return ProbeRun.Failed(context.Clock.GetElapsedTime(started), "could not start /bin/sh: " + e.Message);
        }
        using var owned = child;
        var process = child.Process;
        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput);
        var stderr = ReadCappedAsync(process.StandardError);
        using var limit = new CancellationTokenSource(check.Timeout, context.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill();
            ct.ThrowIfCancellationRequested();
            return ProbeRun.Failed(context.Clock.GetElapsedTime(started), ProbeRun.TimedOut(check.Timeout));
        }
        // A grandchild that inherited the pipes may keep them open: do not wait for it past a moment.
        var output = await WithinAsync(stdout, TimeSpan.FromSeconds(2));
        var errors = await WithinAsync(stderr, TimeSpan.FromSeconds(2));
        var elapsed = context.Clock.GetElapsedTime(started);
        var body = output.Length > 0 ? output : errors;
        var parsed = NagiosOutput.Parse(body);
        return new CheckObservation(true, elapsed) { ExitCode = process.ExitCode, Body = body, Values = parsed.Values };
    }

    private static async Task<string> WithinAsync(Task<string> read, TimeSpan wait)
    {
        try
        {
            return await read.WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
            if (text.Length < MaxOutput) text.Append(buffer, 0, Math.Min(read, MaxOutput - text.Length));
        return text.ToString();
    }
}
