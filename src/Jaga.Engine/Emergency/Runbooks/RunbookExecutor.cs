using System.Globalization;
using System.Security.Cryptography;
using Jaga.Core.Emergency;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Runs a runbook step by step with a full record. Each step's start and end (outcome, exit code, output and its
/// tail, masked) go to the run record, the maintenance log and the audit chain, and to the incident's timeline when the run
/// has one. A step whose latest attempt succeeded is never run again: <see cref="ResumeAsync"/> continues from the failed
/// or interrupted step, after a crash too. A failing step stops the run, or is passed over (<c>on_failure: continue</c>), or
/// starts another runbook (<c>on_failure: runbook NAME</c>) before the run ends as failed.</summary>
/// <remarks>The run is held under a lease renewed while it runs (<see cref="RunLease"/>): a driver that dies is found by its
/// lease running out, and another process takes the run over. Parameters are stored as given; secrets are never in them,
/// since a step's <c>${VAR}</c> is resolved only when it acts.</remarks>
public sealed class RunbookExecutor(RunbookServices s)
{
    /// <summary>Starts a run of <paramref name="runbook"/> with checked <paramref name="parameters"/> and drives it to its end.</summary>
    /// <param name="runbook">The runbook.</param>
    /// <param name="parameters">Values checked with <see cref="RunbookParameters.Require"/>, defaults filled in.</param>
    /// <param name="trigger"><c>manual</c>, or what started it (<c>check:api</c>).</param>
    /// <param name="by">The person who started it, or <c>jaga</c>.</param>
    /// <param name="incident">The incident it belongs to, if any.</param>
    /// <param name="listener">What the terminal sees.</param>
    /// <param name="ct">Interrupts the run (Ctrl+C, shutdown): the step is stopped and the run can be resumed.</param>
    public async Task<RunbookOutcome> StartAsync(
        Runbook runbook, IReadOnlyDictionary<string, string> parameters, string trigger, string by, long? incident, RunbookListener? listener, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var run = await s.Runs.StartAsync(new RunbookRunStart(NewId(), runbook.Name, parameters, trigger, incident, by), s.Node, s.Clock.GetUtcNow(), s.Lease, ct);
        return await DriveAsync(run, runbook, resumed: false, listener ?? RunbookListener.None, ct);
    }

    /// <summary>Starts the runbook of an incident unless a run of it exists for that incident (on this node or another):
    /// null then. Atomic across nodes.</summary>
    public async Task<RunbookOutcome?> StartForIncidentAsync(Runbook runbook, string trigger, long incident, RunbookListener? listener, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runbook);
        var parameters = RunbookParameters.Check(runbook, new Dictionary<string, string>());
        var start = new RunbookRunStart(NewId(), runbook.Name, parameters.Values, trigger, incident, Incidents.IncidentLog.Jaga);
        var (started, run) = await s.Runs.StartForIncidentAsync(start, s.Node, s.Clock.GetUtcNow(), s.Lease, ct);
        return started ? await DriveAsync(run, runbook, resumed: false, listener ?? RunbookListener.None, ct) : null;
    }

    /// <summary>Continues <paramref name="run"/>, already taken over by this node (<see cref="IRunbookRuns.TryTakeOverAsync"/>),
    /// from its first step whose latest attempt did not succeed.</summary>
    public Task<RunbookOutcome> ResumeAsync(RunbookRun run, Runbook runbook, RunbookListener? listener, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(runbook);
        return DriveAsync(run, runbook, resumed: true, listener ?? RunbookListener.None, ct);
    }

    /// <summary>A new run id: eight lower-case hex digits.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    private async Task<RunbookOutcome> DriveAsync(RunbookRun run, Runbook runbook, bool resumed, RunbookListener listener, CancellationToken ct)
    {
        var record = new RunRecord(s, run, runbook);
        var started = s.RealTime.GetTimestamp();
        await record.StartedAsync(resumed, ct);
        listener.RunStarted?.Invoke(run, resumed);
        await using var lease = new RunLease(s.Runs, run.Id, s.Node, s.Lease, s.Clock, s.RealTime);
        using var driving = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);

        var attempts = await s.Runs.StepsAsync(run.Id, ct);
        var done = StepAttempts.Succeeded(attempts);
        var latest = StepAttempts.Latest(attempts);
        var outputs = new Dictionary<string, Core.Emergency.StepOutput>(StringComparer.Ordinal);
        foreach (var i in done) outputs[runbook.Steps[i].Name!] = Output(latest[i].Output ?? "", latest[i].ExitCode);

        var acts = new StepActs(s);
        string? failed = null;
        StepFailure? onFailure = null;
        for (var i = 0; i < runbook.Steps.Count; i++)
        {
            var step = runbook.Steps[i];
            if (done.Contains(i))
            {
                listener.StepSkipped?.Invoke(i, step);
                continue;
            }
            if (driving.IsCancellationRequested)
            {
                // Stopped between two steps: nothing was started that needs stopping.
                var stopped = lease.IsLost && !ct.IsCancellationRequested
                    ? await record.TakenOverAsync()
                    : await record.EndedAsync(RunbookRunStatus.Interrupted, s.Journal.Messages.Format("reason.runbook.interrupted", i + 1, step.Name), started);
                listener.RunEnded?.Invoke(stopped);
                return stopped;
            }
            var attempt = await s.Runs.StepStartedAsync(run.Id, i, step.Name!, step.Kind, s.Clock.GetUtcNow(), CancellationToken.None);
            await record.StepStartedAsync(i, attempt.Attempt, ct);
            listener.StepStarted?.Invoke(i, step, attempt.Attempt);
            var context = new StepContext(run, runbook, i, run.Parameters, outputs, s.Plan, listener);
            var result = await acts.RunAsync(context, driving.Token);
            await record.StepEndedAsync(i, result, lease.IsLost && !ct.IsCancellationRequested);
            listener.StepEnded?.Invoke(i, step, result);

            if (result.Outcome == StepOutcome.Cancelled)
            {
                var outcome = lease.IsLost && !ct.IsCancellationRequested
                    ? await record.TakenOverAsync()
                    : await record.EndedAsync(RunbookRunStatus.Interrupted, s.Journal.Messages.Format("reason.runbook.interrupted", i + 1, step.Name), started);
                listener.RunEnded?.Invoke(outcome);
                return outcome;
            }
            if (result.Succeeded)
            {
                outputs[step.Name!] = Output(Bounded(result.Output, StepAttemptEnd.MaxOutputChars), result.ExitCode);
                continue;
            }
            failed ??= s.Journal.Messages.Format("reason.runbook.step.failed", i + 1, step.Name, result.Reason);
            if (step.OnFailure.Action == FailureAction.Continue) continue;
            onFailure = step.OnFailure;
            break;
        }

        var ended = failed is null
            ? await record.EndedAsync(RunbookRunStatus.Succeeded, s.Journal.Messages["reason.runbook.done"], started)
            : await record.EndedAsync(RunbookRunStatus.Failed, failed, started);
        listener.RunEnded?.Invoke(ended);
        if (onFailure is { Action: FailureAction.Runbook, Runbook: { } next })
            ended = ended with { FollowUp = await FollowUpAsync(run, next, listener, ct) };
        return ended;
    }

    /// <summary>The runbook an <c>on_failure</c> names, started for the same incident with the parameters it shares with
    /// the failed run (its own defaults for the rest).</summary>
    private async Task<RunbookOutcome?> FollowUpAsync(RunbookRun failed, string name, RunbookListener listener, CancellationToken ct)
    {
        var runbook = s.Plan.Plan.Emergency.Runbooks.FirstOrDefault(r => r.Name == name);
        if (runbook is null) return null; // validated when the plan loaded; a reload may have removed it
        var shared = failed.Parameters.Where(p => runbook.Params.Any(d => d.Name == p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var check = RunbookParameters.Check(runbook, shared);
        if (!check.Ok) return null;
        return await StartAsync(runbook, check.Values, $"runbook:{failed.Id}", failed.StartedBy, failed.IncidentId, listener, ct);
    }

    /// <summary>What <c>${steps.NAME.output}</c> gives: the output without its trailing line breaks, as a shell's
    /// <c>$(…)</c> gives it.</summary>
    private static Core.Emergency.StepOutput Output(string text, int? exitCode) => new(text.TrimEnd('\n', '\r'), exitCode);

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[^max..];

    /// <summary>A duration as the log and the terminal show it: tenths of a second under 10 s, then 2m5s.</summary>
    public static string Took(TimeSpan t) => t < TimeSpan.FromSeconds(10)
        ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : DurationValue.Format(TimeSpan.FromSeconds(Math.Round(t.TotalSeconds)));
}
