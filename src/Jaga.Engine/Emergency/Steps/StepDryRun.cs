using System.Net.Sockets;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;
using Jaga.Core.Redaction;
using Jaga.Engine.Monitoring.Probes;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>The dry run of one step: checks what the step needs without doing it, and says how much that tells
/// (<see cref="DryRunLabel"/>). Cheap: a look at the file system and PATH, or one TCP connect; nothing is run, no request
/// is sent.</summary>
/// <param name="clock">The connect timeout is measured on it.</param>
/// <param name="redactor">Masks the plan's secrets in the reason (a URL with a password, a command with a token).</param>
/// <param name="words">The language of the reason.</param>
public sealed class StepDryRun(TimeProvider clock, Redactor redactor, Catalog words)
{
    /// <summary>The longest a dry run waits for a connection, whatever the step's own timeout.</summary>
    public static readonly TimeSpan MaxConnect = TimeSpan.FromSeconds(5);

    /// <summary>A <c>sleep</c> step: the simulation is the step.</summary>
    public DryRunCheck Sleep(TimeSpan duration) => new(DryRunLabel.Simulated, true, words.Format("reason.step.dry.sleep", DurationValue.Format(duration)));

    /// <summary>A <c>run</c> step: its working folder exists and its program (or the first command of its shell line) is
    /// found on PATH; a shell line whose first word is not a plain name cannot be checked.</summary>
    public DryRunCheck Process(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var folder = spec.WorkingDirectory ?? Environment.CurrentDirectory;
        if (!Directory.Exists(folder)) return Checked(false, words.Format("reason.step.dry.dir.missing", folder));
        var path = spec.Env.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH") ?? "";
        if (spec.Program is { } program) return Found(program, folder, path, more: false);
        var (word, kind, more) = ShellLine.First(spec.Command!);
        return kind switch
        {
            ShellLine.Kind.Opaque => new DryRunCheck(DryRunLabel.CannotSimulate, true, redactor.Redact(words.Format("reason.step.dry.complex", word))),
            ShellLine.Kind.Builtin => Checked(true, More(new Phrase("reason.step.dry.builtin", [word]), more)),
            ShellLine.Kind.Program => Found(word, folder, path, more),
        };
    }

    /// <summary>An <c>http</c> step: its host accepts a TCP connection on its port. No request is sent: a dry run must not
    /// restart, purge or deploy anything by calling the URL.</summary>
    public async Task<DryRunCheck> HttpAsync(HttpSpec spec, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!Uri.TryCreate(spec.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Checked(false, words.Format("reason.step.dry.unreachable", spec.Url, "not an http(s) URL"));
        var target = $"{uri.Host}:{uri.Port}";
        var seen = await ProbeRun.RunAsync(spec.Timeout < MaxConnect ? spec.Timeout : MaxConnect, clock, async (token, elapsed) =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(uri.IdnHost.Trim('[', ']'), uri.Port, token);
            return new Core.Monitoring.CheckObservation(true, elapsed());
        }, null, ct);
        return seen.Connected
            ? Checked(true, words.Format("reason.step.dry.reachable", target))
            : Checked(false, words.Format("reason.step.dry.unreachable", target, seen.Error));
    }

    private DryRunCheck Found(string program, string folder, string path, bool more)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            var file = Path.GetFullPath(program, folder);
            if (!File.Exists(file)) return Checked(false, More(new Phrase("reason.step.dry.missing", [program, folder]), more));
            return IsExecutable(file)
                ? Checked(true, More(new Phrase("reason.step.dry.found", [program, file]), more))
                : Checked(false, More(new Phrase("reason.step.dry.not.executable", [file]), more));
        }
        var found = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, program))
            .FirstOrDefault(f => File.Exists(f) && IsExecutable(f));
        return found is null
            ? Checked(false, More(new Phrase("reason.step.dry.missing", [program, path]), more))
            : Checked(true, More(new Phrase("reason.step.dry.found", [program, found]), more));
    }

    private string More(Phrase first, bool more) => more ? words.Format("reason.step.dry.first", first) : words.Format(first.Key, [.. first.Args]);

    private DryRunCheck Checked(bool ready, string reason) => new(DryRunLabel.PreconditionsChecked, ready, redactor.Redact(reason));

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}
