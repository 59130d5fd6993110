using System.ComponentModel;
using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;
using Jaga.Core.Redaction;
using Jaga.Engine.Processes;

namespace Jaga.Engine.Emergency.Steps;

/// <summary>Carries out a <c>run</c> step: the command in its own session and process group (see
/// <see cref="ProcessGroup"/>), standard output and error merged in order on one pipe, each line masked and handed to a
/// listener as it comes, the whole group stopped at the timeout or on cancellation (SIGTERM, then SIGKILL after
/// <see cref="Grace"/>).</summary>
/// <remarks>A process the command leaves running in the background (<c>nohup server &amp;</c>) when it exits normally is
/// left alone: restarting a service is what such a step is for. Its output is read for <see cref="Drain"/> more and then
/// no longer: such a process should write to a file of its own, since its writes to the closed pipe fail.</remarks>
/// <param name="clock">The timeout, the grace and the duration are measured on it: real time (the composition root's
/// <c>realTime</c>), since the command runs in the real world.</param>
/// <param name="redactor">The plan's secrets, masked in every line before it leaves the runner.</param>
/// <param name="words">The language of the reason.</param>
public sealed class ProcessStepRunner(TimeProvider clock, Redactor redactor, Catalog words)
{
    /// <summary>How long the group has after SIGTERM before SIGKILL.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the output is still read after the command exited, for what a background child holds open.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>setsid</c> program; null runs the command without a group of its own (a test takes that path).</summary>
    internal string? Setsid { get; init; } = ProcessGroup.Setsid;

    /// <summary><c>env</c> that puts SIGPIPE back to its default (see <see cref="ProcessGroup.DefaultSignals"/>); null when none.</summary>
    internal string? SignalReset { get; init; } = ProcessGroup.DefaultSignals;

    /// <summary>Runs <paramref name="spec"/> to its end. Never throws for what the command does (a missing folder, a
    /// program that cannot start, a timeout, a cancellation): the result says it.</summary>
    /// <param name="spec">What to run.</param>
    /// <param name="onLine">Called with each masked line as it is written, one at a time, in order, on a pool thread.</param>
    /// <param name="ct">Cancels the run: the group is stopped and the result is <see cref="StepOutcome.Cancelled"/>.</param>
    public async Task<StepResult> RunAsync(ProcessSpec spec, Action<string>? onLine = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var started = clock.GetTimestamp();
        var folder = spec.WorkingDirectory ?? Environment.CurrentDirectory;
        if (!Directory.Exists(folder)) return End(StepOutcome.Failed, words.Format("reason.step.dir.missing", folder), started);
        var output = new StepOutput(redactor, onLine);
        GroupedProcess child;
        try
        {
            IReadOnlyList<string> command = spec.Command is { } shell ? ["/bin/sh", "-c", shell] : [spec.Program!, .. spec.Args];
            child = GroupedProcess.Start(command, folder, spec.Env, mergeErrors: true, Setsid, SignalReset);
        }
        catch (Win32Exception e)
        {
            return End(StepOutcome.Failed, words.Format("reason.step.start.failed", Setsid ?? SignalReset ?? "/bin/sh", e.Message), started);
        }
        using var owned = child;
        var process = child.Process;
        using var stopReading = new CancellationTokenSource();
        var errors = ReadErrorsAsync(process.StandardError, stopReading.Token);
        var reading = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, output, stopReading.Token), errors);
        process.StandardInput.Close();
        try
        {
            var (outcome, stopped) = await WaitAsync(child, spec.Timeout, ct);
            await DrainAsync(reading);
            output.Close(errors.IsCompletedSuccessfully ? errors.Result : "");
            if (reading.IsFaulted) await reading; // the listener threw: a bug of the caller, not a failure of the step
            var code = process.ExitCode;
            var reason = stopped is null ? ExitReason(code, spec.AcceptedExitCodes)
                : outcome == StepOutcome.TimedOut ? words.Format("reason.step.timed.out", DurationValue.Format(spec.Timeout), stopped)
                : words.Format("reason.step.cancelled", DurationValue.Format(clock.GetElapsedTime(started)), stopped);
            if (outcome == StepOutcome.Succeeded && !spec.AcceptedExitCodes.Contains(code)) outcome = StepOutcome.Failed;
            return End(outcome, reason, started) with
            {
                ExitCode = code,
                Output = output.Text(n => words.Format("reason.step.output.omitted", n)),
                Tail = output.Tail(),
            };
        }
        finally
        {
            output.Close("");
            await stopReading.CancelAsync();
            if (!process.HasExited) child.Kill();
        }
    }

    private async Task<(StepOutcome Outcome, Phrase? Stopped)> WaitAsync(GroupedProcess child, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            await child.Process.WaitForExitAsync(linked.Token);
            return (StepOutcome.Succeeded, null);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            var outcome = ct.IsCancellationRequested ? StepOutcome.Cancelled : StepOutcome.TimedOut;
            var stopped = await child.StopAsync(Grace, clock) switch
            {
                GroupStop.Terminated => new Phrase("reason.step.group.term"),
                GroupStop.Killed => new Phrase("reason.step.group.kill", [DurationValue.Format(Grace)]),
                GroupStop.TreeKilled => new Phrase("reason.step.group.tree"),
            };
            await child.Process.WaitForExitAsync(CancellationToken.None);
            return (outcome, stopped);
        }
    }

    private async Task DrainAsync(Task reading)
    {
        try
        {
            await reading.WaitAsync(Drain, clock);
        }
        catch (TimeoutException)
        {
            // A background child still holds the pipe open: what it writes from now on is not this step's output.
        }
    }

    private string ExitReason(int code, IReadOnlyList<int> accepted)
    {
        var list = string.Join(", ", accepted);
        if (accepted.Contains(code)) return words.Format("reason.step.exit.ok", code);
        return code switch
        {
            127 => words.Format("reason.step.exit.not.found", code, list),
            126 => words.Format("reason.step.exit.not.executable", code, list),
            > 128 and < 160 => words.Format("reason.step.exit.signal", code, code - 128, list),
            _ => words.Format("reason.step.exit.failed", code, list),
        };
    }

    private StepResult End(StepOutcome outcome, string reason, long started) =>
        new(outcome, redactor.Redact(reason), clock.GetElapsedTime(started));

    private static async Task PumpAsync(Stream stream, StepOutput output, CancellationToken ct)
    {
        var bytes = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var decoder = Encoding.UTF8.GetDecoder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, ct)) > 0)
                output.Write(chars.AsSpan(0, decoder.GetChars(bytes, 0, read, chars, 0, flush: false)));
            output.Write(chars.AsSpan(0, decoder.GetChars([], 0, 0, chars, 0, flush: true)));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Reading stopped: the step is over.
        }
    }

    /// <summary>The command's own standard error goes to the merged pipe; this one only hears <c>setsid</c> or the shell
    /// complain before the command starts. Kept short, and added after the output.</summary>
    private static async Task<string> ReadErrorsAsync(StreamReader errors, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await errors.ReadAsync(buffer, ct)) > 0)
                if (text.Length < StepOutput.TailSize) text.Append(buffer, 0, Math.Min(read, StepOutput.TailSize - text.Length));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Reading stopped: the step is over.
        }
        return text.ToString();
    }
}
