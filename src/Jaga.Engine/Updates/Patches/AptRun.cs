using System.Text;
using Jaga.Engine.Processes;

namespace Jaga.Engine.Updates.Patches;

/// <summary>What one apt or dpkg call printed and how it ended.</summary>
/// <param name="Exit">Its exit code.</param>
/// <param name="Output">Its standard output (with standard error when the two were merged).</param>
/// <param name="Errors">Its standard error when kept apart.</param>
internal sealed record AptRun(int Exit, string Output, string Errors)
{
    /// <summary>apt's own word on a failure: its last <c>E:</c> line, else the last line it wrote to standard error,
    /// else the last line of output.</summary>
    public string LastError
    {
        get
        {
            var lines = (Errors + "\n" + Output).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
            var last = lines.LastOrDefault(l => l.StartsWith("E: ", StringComparison.Ordinal))
                ?? Errors.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0)
                ?? lines.LastOrDefault() ?? "";
            return last.Length > 300 ? last[..300] : last;
        }
    }

    /// <summary>Runs <paramref name="command"/> in its own process group with apt's messages in English (the C locale:
    /// the parser reads apt's words), no shell between.</summary>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="env">Variables added to the environment.</param>
    /// <param name="limit">How long it may take; it is killed, with what it started, after that. Null: no limit and no
    /// kill even when <paramref name="ct"/> is cancelled (an install stopped midway leaves dpkg's database half done, so
    /// it is always let finish).</param>
    /// <param name="line">Given each line as it is printed (standard error merged into the output); null keeps the two apart.</param>
    /// <param name="clock">Measures the limit.</param>
    /// <param name="ct">Stops a call that has a limit.</param>
    /// <exception cref="TimeoutException">It was still running at <paramref name="limit"/>.</exception>
    public static async Task<AptRun> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> env, TimeSpan? limit,
        Action<string>? line, TimeProvider clock, CancellationToken ct)
    {
        var variables = new Dictionary<string, string>(env, StringComparer.Ordinal) { ["LC_ALL"] = "C", ["LANG"] = "C", ["LANGUAGE"] = "C" };
        using var child = GroupedProcess.Start(command, "/", variables, mergeErrors: line is not null, ProcessGroup.Setsid, ProcessGroup.DefaultSignals);
        var process = child.Process;
        process.StandardInput.Close();
        var output = ReadAsync(process.StandardOutput, line);
        var errors = ReadAsync(process.StandardError, null);
        if (limit is { } max)
        {
            using var timer = new CancellationTokenSource(max, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                child.Kill();
                await process.WaitForExitAsync(CancellationToken.None);
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"{command[0]} ran longer than {max}");
            }
        }
        else
        {
            await process.WaitForExitAsync(CancellationToken.None);
        }
        // A daemon a maintainer script started may keep the pipes open: do not wait for it past a moment.
        return new AptRun(process.ExitCode, await WithinAsync(output, clock), await WithinAsync(errors, clock));
    }

    private static async Task<string> WithinAsync(Task<string> read, TimeProvider clock)
    {
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(5), clock);
        }
        catch (TimeoutException)
        {
            return "";
        }
    }

    private static async Task<string> ReadAsync(StreamReader reader, Action<string>? each)
    {
        var text = new StringBuilder();
        while (await reader.ReadLineAsync() is { } next)
        {
            text.Append(next).Append('\n');
            each?.Invoke(next);
        }
        return text.ToString();
    }
}
