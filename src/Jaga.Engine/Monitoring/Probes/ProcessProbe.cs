using System.Globalization;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;

namespace Jaga.Engine.Monitoring.Probes;

/// <summary>A <c>process</c> check. By name: every process whose <c>/proc/PID/comm</c> or argv[0] basename is the name;
/// [CONNECTED] when there is one, [COUNT] how many. By pid file (a value with '/' or ending in <c>.pid</c>): the pid
/// in the file names a running process.</summary>
internal sealed class ProcessProbe(ProcessCheck check, ProbeContext context) : ICheckProbe
{
    private const string Proc = "/proc";

    public static bool IsPidFile(string value) => value.Contains('/', StringComparison.Ordinal) || value.EndsWith(".pid", StringComparison.Ordinal);

    public Task<CheckObservation> ObserveAsync(CancellationToken ct) =>
        ProbeRun.RunAsync(check.Timeout, context.Clock, (token, elapsed) =>
        {
            var target = check.Process;
            var found = IsPidFile(target) ? ByPidFile(context.Plan.Resolve(target)) : ByName(target, token);
            var observation = new CheckObservation(found.Count > 0, elapsed())
            {
                Error = found.Error,
                Values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                {
                    ["COUNT"] = found.Count.ToString(CultureInfo.InvariantCulture),
                },
            };
            return Task.FromResult(observation);
        }, null, ct);

    private const int PidFileLimit = 4096;

    private static (int Count, string? Error) ByPidFile(string path)
    {
        string text;
        try
        {
            // A regular file of a few bytes: a FIFO in its place must not block the check, nor a huge file fill memory.
            var read = Files.InputFile.ReadText(path, PidFileLimit, "pid file");
            if (read is null) return (0, $"pid file {path} missing");
            // The pid is the first line: PostgreSQL's postmaster.pid and others add more lines after it.
            var end = read.IndexOf('\n', StringComparison.Ordinal);
            text = (end >= 0 ? read[..end] : read).Trim();
        }
        catch (Core.Errors.UserException e)
        {
            return (0, e.Message);
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
            return (0, $"pid file {path} does not hold a pid");
        return Directory.Exists(Path.Combine(Proc, pid.ToString(CultureInfo.InvariantCulture)))
            ? (1, null)
            : (0, $"stale pid file {path}: process {pid} is not running");
    }

    private static (int Count, string? Error) ByName(string name, CancellationToken ct)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories(Proc))
        {
            ct.ThrowIfCancellationRequested();
            var pid = Path.GetFileName(dir);
            if (pid.Length == 0 || !pid.All(char.IsAsciiDigit)) continue;
            if (Matches(dir, name)) count++;
        }
        return count > 0 ? (count, null) : (0, $"process {name} not found");
    }

    private static bool Matches(string dir, string name)
    {
        try
        {
            if (File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n') == name) return true;
            var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
            var end = cmdline.IndexOf('\0', StringComparison.Ordinal);
            var argv0 = end < 0 ? cmdline : cmdline[..end];
            return argv0.Length > 0 && Path.GetFileName(argv0) == name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked, or is not ours to read.
            return false;
        }
    }
}
