using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>Writes what a run does, each act once, to everything that keeps it: the run record in the store, one
/// maintenance-log line and audit entry, and a line of the incident's timeline when the run belongs to one. Every text is
/// masked before it gets here. The ends of steps and runs are written even when the run was interrupted, so the record
/// says where it stopped.</summary>
internal sealed class RunRecord(RunbookServices s, RunbookRun run, Runbook runbook)
{
    private Dictionary<string, string> Data(params (string Key, string Value)[] more)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["runbook"] = runbook.Name, ["run"] = run.Id };
        foreach (var (k, v) in more) data[k] = v;
        return data;
    }

    public async Task StartedAsync(bool resumed, CancellationToken ct)
    {
        var parameters = run.Parameters.Count == 0 ? "-" : string.Join(", ", run.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var e = new RunbookRunStarted(runbook.Name, run.Id, run.Trigger, run.StartedBy, parameters, resumed)
        {
            Data = Data(("trigger", run.Trigger), ("by", run.StartedBy), ("parameters", parameters)),
        };
        var entry = await s.Journal.RecordAsync(e, run.StartedBy, ct);
        await TimelineAsync(IncidentEventKind.RunStarted, entry.Message, ct);
    }

    public async Task StepStartedAsync(int index, int attempt, CancellationToken ct)
    {
        var step = runbook.Steps[index];
        var entry = await s.Journal.RecordAsync(new RunbookStepStarted(runbook.Name, run.Id, index + 1, step.Name!, step.Kind, attempt)
        {
            Data = Data(("step", step.Name!), ("kind", step.Kind), ("index", $"{index}"), ("attempt", $"{attempt}")),
        }, ct: ct);
        await TimelineAsync(IncidentEventKind.StepStarted, entry.Message, ct);
    }

    /// <summary>Records the end of the step's attempt; not cancellable, so a Ctrl+C still leaves the record right.</summary>
    public async Task StepEndedAsync(int index, StepResult result, bool takenOver)
    {
        var step = runbook.Steps[index];
        var outcome = result.Outcome switch
        {
            StepOutcome.Succeeded => StepAttemptOutcome.Succeeded,
            StepOutcome.TimedOut => StepAttemptOutcome.TimedOut,
            StepOutcome.Cancelled => StepAttemptOutcome.Interrupted,
            _ => StepAttemptOutcome.Failed,
        };
        var tail = Last(result.Tail, StepAttemptEnd.MaxTailChars);
        // Taken over: the new driver ends this attempt itself when it starts the step again.
        if (!takenOver)
        {
            await s.Runs.StepFinishedAsync(run.Id, index, new StepAttemptEnd(
                outcome, s.Clock.GetUtcNow(), result.ExitCode, Last(result.Output, StepAttemptEnd.MaxOutputChars), tail, result.Reason), CancellationToken.None);
        }
        var data = Data(("step", step.Name!), ("kind", step.Kind), ("index", $"{index}"), ("outcome", outcome.ToString().ToLowerInvariant()),
            ("seconds", result.Duration.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
        if (result.ExitCode is { } code) data["exit_code"] = $"{code}";
        if (tail.Length > 0) data["output_tail"] = tail;
        var entry = await s.Journal.RecordAsync(new RunbookStepEnded(runbook.Name, run.Id, index + 1, step.Name!, outcome, result.Reason, RunbookExecutor.Took(result.Duration))
        {
            Data = data,
        }, ct: CancellationToken.None);
        await TimelineAsync(IncidentEventKind.StepEnded, entry.Message, CancellationToken.None);
    }

    public async Task<RunbookOutcome> EndedAsync(RunbookRunStatus status, string detail, long started)
    {
        await s.Runs.SetStatusAsync(run.Id, s.Node, status, s.Clock.GetUtcNow(), detail, CancellationToken.None);
        var took = RunbookExecutor.Took(s.RealTime.GetElapsedTime(started));
        var entry = await s.Journal.RecordAsync(new RunbookRunEnded(runbook.Name, run.Id, status, detail, took)
        {
            Data = Data(("status", status.ToString().ToLowerInvariant())),
        }, ct: CancellationToken.None);
        await TimelineAsync(IncidentEventKind.RunEnded, entry.Message, CancellationToken.None);
        return new RunbookOutcome(run.Id, runbook.Name, status, detail, entry.Line);
    }

    /// <summary>Another node drives the run now: nothing to end here, and nothing it would not write itself.</summary>
    public Task<RunbookOutcome> TakenOverAsync()
    {
        var detail = s.Journal.Messages.Format("reason.runbook.taken.over", run.Id);
        return Task.FromResult(new RunbookOutcome(run.Id, runbook.Name, RunbookRunStatus.Running, detail, detail) { TakenOver = true });
    }

    private async Task TimelineAsync(IncidentEventKind kind, string text, CancellationToken ct)
    {
        if (run.IncidentId is { } incident) await s.Incidents.AddEventAsync(incident, kind, text, ct);
    }

    private static string Last(string text, int max) => text.Length <= max ? text : text[^max..];
}
