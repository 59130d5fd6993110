using Jaga.Cli.Commands.Emergency;
using Jaga.Core.Emergency;
using Jaga.Core.Errors;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Jaga.Dashboard.Emergency;
using Jaga.Engine.Emergency.Runbooks;

namespace Jaga.Cli.Daemon;

/// <summary>The emergency page's part of the feed: runbooks as <c>jaga runbook show</c> prints them, runs as
/// <see cref="RunbookRunReport"/> reads them, the waiting runs as <see cref="IncidentStatus"/> finds them for <c>jaga status</c>,
/// incidents as <see cref="IncidentReport"/>; a run is started as <c>jaga runbook run</c> starts it and owned by the daemon
/// (<see cref="DaemonState.StartRun"/>), an approval is given by <see cref="RunbookApprover"/>. Every stored text is masked.</summary>
internal sealed partial class DashboardFeed
{
    /// <summary>How many of the newest runs the page shows with their steps.</summary>
    private const int NewestRuns = 10;

    /// <summary>How many incidents each list shows with their timelines (the rest are in <c>jaga incident list</c>).</summary>
    private const int NewestIncidents = 10;

    public async Task<EmergencyView> EmergencyAsync(CancellationToken ct)
    {
        var plan = state.Plan;
        var cards = plan.Plan.Emergency.Runbooks.Select(r => Card(plan, r)).ToList();
        var runs = new List<RunView>();
        foreach (var run in await state.Store.Runbooks.ListAsync(null, NewestRuns, ct))
            runs.Add(Run(await RunbookRunReport.LoadAsync(state.Store.Runbooks, run, ct)));
        var waiting = new List<ApprovalWait>();
        foreach (var run in await IncidentStatus.WaitingAsync(state.Store, ct))
        {
            var report = await RunbookRunReport.LoadAsync(state.Store.Runbooks, run, ct);
            if (RunbookApprover.Waiting(run, report.Attempts) is not { } step) continue;
            var by = report.Approvals.Where(a => a.StepIndex == step.Index).Select(a => Redact(a.By)).Distinct(StringComparer.Ordinal).ToList();
            waiting.Add(new ApprovalWait(run.Id, run.Runbook, step.Name, run.Detail is { } d ? Redact(d) : null, by.Count, RunbookApprover.Needed(plan, run.Runbook, step), by));
        }
        var open = await Incidents(await IncidentStatus.OpenAsync(state.Store, ct), ct);
        var recent = await Incidents(await state.Store.Incidents.ListAsync(openOnly: false, NewestIncidents * 2, ct), ct, closedOnly: true);
        return new EmergencyView(cards, runs, waiting, open, recent);
    }

    public async Task<RunbookPreview> PreviewRunbookAsync(string runbook, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        var words = Words;
        var found = state.Plan.Plan.Emergency.Find(runbook);
        if (found is null) return Refused(runbook, Unknown(runbook));
        IReadOnlyDictionary<string, string> values;
        try
        {
            values = RunbookParameters.Require(found, parameters, words);
        }
        catch (UserException e)
        {
            return Refused(found.Name, e);
        }
        if (state.Services is not { } services) return Refused(found.Name, NotReady());
        var checks = await new RunbookDryRun(services.Runbooks(state.Scheduler.Node)).CheckAsync(found, values, ct);
        var lines = new List<string>();
        RunbookRunView.Parameters(values, words, l => lines.Add(Redact(l)));
        RunbookRunView.Steps(found, checks, words, l => lines.Add(Redact(l)));
        return new RunbookPreview(found.Name, values, lines, checks.Count(c => !c.Ready), found.Review == ReviewTiming.Before, null, null);

        RunbookPreview Refused(string name, UserException e) => new(name, parameters, [], 0, false, Redact(e.Message), e.Hint is { } h ? Redact(h) : null);
    }

    /// <summary>The runs started from the page that have not ended, by runbook, person and parameters.</summary>
    private readonly Dictionary<string, Task> pageRuns = new(StringComparer.Ordinal);

    public async Task<EmergencyAct> RunRunbookAsync(string runbook, IReadOnlyDictionary<string, string> parameters, string user, CancellationToken ct)
    {
        var words = Words;
        try
        {
            var found = state.Plan.Plan.Emergency.Find(runbook) ?? throw Unknown(runbook);
            var values = RunbookParameters.Require(found, parameters, words);
            await RunbookReview.RequireAsync(found, values, state.Journal, words, ct, user);
            var services = state.Services ?? throw NotReady();
            var runbooks = services.Runbooks(state.Scheduler.Node);
            var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var listener = new RunbookListener { RunStarted = (run, _) => started.TrySetResult(run.Id) };
            // A second press (a double click, the form posted again after Back) while the first run of the same runbook with
            // the same parameters by the same person goes on is refused: it would run the runbook twice.
            var key = string.Join("\n", [found.Name, user, .. values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value)]);
            Task<RunbookOutcome> run;
            lock (pageRuns)
            {
                if (pageRuns.TryGetValue(key, out var earlier) && !earlier.IsCompleted)
                    return new EmergencyAct(false, words.Format("web.emergency.run.twice", found.Name), null);
                foreach (var done in pageRuns.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList()) pageRuns.Remove(done);
                run = state.StartRun(stop => new RunbookExecutor(runbooks).StartAsync(found, values, "manual", user, null, listener, stop));
                pageRuns[key] = run;
            }
            // The run is recorded before the answer, so the page it leads to shows it.
            var first = await Task.WhenAny(started.Task, run);
            if (first == run && !started.Task.IsCompleted) await run;
            var id = await started.Task;
            return new EmergencyAct(true, words.Format("web.emergency.run.started", found.Name, id), null, id);
        }
        catch (UserException e)
        {
            return new EmergencyAct(false, Redact(e.Message), e.Hint is { } h ? Redact(h) : null);
        }
    }

    public async Task<EmergencyAct> ApproveRunbookAsync(string run, string user, string? note, CancellationToken ct)
    {
        var words = Words;
        try
        {
            var said = IncidentInput.Text(note, words["web.emergency.note"], IncidentInput.MaxNote, words) is { } n ? Redact(n) : null;
            var given = await RunbookApprover.ApproveAsync(state.Plan, state.Store, state.Journal, state.Clock, run, Redact(user), said, words, ct);
            return new EmergencyAct(true, Redact(given.Line(words)), null, given.Run.Id);
        }
        catch (UserException e)
        {
            return new EmergencyAct(false, Redact(e.Message), e.Hint is { } h ? Redact(h) : null);
        }
    }

    private UserError Unknown(string runbook) => new(Words.Format("web.emergency.unknown", Core.Text.QuotedValue.Shorten(runbook)), Words["web.emergency.unknown.hint"]);

    private UserError NotReady() => new(Words["web.emergency.notready"], Words["web.emergency.notready.hint"]);

    private RunbookCard Card(LoadedPlan plan, Runbook r)
    {
        var document = DocumentWriter.Text(RunbookDocument.Blocks(plan, r, Words.Language, contacts: false));
        var fields = r.Params.Select(p => new RunbookField(p.Name, RunbookParameters.TypeWord(p.Type), p.Required,
            p.Default is null ? null : Redact(p.Default), [.. p.Allowed.Select(Redact)], p.Description is null ? null : Redact(p.Description))).ToList();
        var approvals = r.Steps.Select((s, i) => (s, i)).Where(x => x.s is ApprovalStep)
            .Select(x => Words.Format("web.emergency.approval.step", x.i + 1, x.s.Name!, ((ApprovalStep)x.s).Approve.Approvals)).ToList();
        return new RunbookCard(r.Name, RunbookJson.TriggerWord(r.Trigger), document, fields, approvals, r.Review == ReviewTiming.Before);
    }

    private RunView Run(RunbookRunReport report)
    {
        var run = report.Run;
        var words = Words;
        var steps = report.Attempts.Select(a =>
        {
            // The approvals under the step's latest attempt: they count for the step, whichever attempt asked.
            var approvals = a.Kind == ApprovalStep.KindWord && a == report.Attempts.Last(x => x.Index == a.Index)
                ? report.Approvals.Where(x => x.StepIndex == a.Index)
                    .Select(x => words.Format("cli.runbook.runs.approval", Redact(x.By), Core.Messages.ZoneTime.Format(x.At, Zone))
                        + (x.Note is { } note ? words.Format("cli.runbook.runs.approval.note", Redact(note)) : "")).ToList()
                : [];
            var outcome = a.Outcome is { } o ? o.ToText() : "open";
            return new StepView(a.Index + 1, a.Name, a.Kind, a.Attempt, a.StartedAt, a.EndedAt, outcome,
                a.Outcome is { } x ? words.Word("attempt", x) : words["cli.runbook.runs.attempt.open"], a.ExitCode,
                a.Detail is { } d ? Redact(d) : null, a.OutputTail is { Length: > 0 } t ? Redact(t).TrimEnd('\n') : null, approvals);
        }).ToList();
        return new RunView(run.Id, run.Runbook, run.Status.ToText(), RunbookRunInput.Status(run.Status, words), Redact(run.Trigger), Redact(run.StartedBy),
            run.StartedAt, run.EndedAt, run.IncidentId, run.Detail is { } detail ? Redact(detail) : null,
            [.. run.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Redact(p.Value)))], steps);
    }

    private async Task<IReadOnlyList<IncidentView>> Incidents(IReadOnlyList<Incident> incidents, CancellationToken ct, bool closedOnly = false)
    {
        var shown = new List<IncidentView>();
        foreach (var incident in incidents.Where(i => !closedOnly || !i.Open).Take(NewestIncidents))
        {
            var (i, timeline) = await IncidentReport.LoadAsync(state.Store.Incidents, incident, ct);
            shown.Add(new IncidentView(i.Id, Redact(i.Title), Redact(i.Key), i.OpenedAt, i.AcknowledgedAt, i.AcknowledgedBy is { } a ? Redact(a) : null,
                i.ClosedAt, i.ClosedBy is { } c ? Redact(c) : null,
                [.. timeline.Select(e => new IncidentLine(e.At, Postmortem.Kind(e.Kind, Words), Redact(e.Text)))]));
        }
        return shown;
    }
}
