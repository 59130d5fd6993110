using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Ports;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>What <c>jaga runbook runs</c> writes: runs as a table, one run in full, or either as JSON, every stored text
/// masked again with the plan's secrets (the executor masked it before storing; a secret added to the plan since is masked too).</summary>
internal sealed class RunbookRunsView(CliContext ctx, Catalog words, TimeZoneInfo zone, DateTimeOffset now)
{
    public void List(IReadOnlyList<RunbookRun> runs, IReadOnlyList<RunbookStepAttempt?> steps, string? runbook)
    {
        if (ctx.JsonOutput)
        {
            ctx.Output.Write(new JsonObject
            {
                ["runs"] = new JsonArray([.. runs.Select((r, i) =>
                {
                    var json = RunbookRunInput.Json(r, now, ctx.Redact);
                    json["step"] = steps[i]?.Name;
                    return (JsonNode)json;
                })]),
            });
            return;
        }
        if (runs.Count == 0)
        {
            ctx.Output.Line(runbook is null ? words["cli.runbook.runs.none"] : words.Format("cli.runbook.runs.none.of", Core.Text.QuotedValue.Shorten(runbook)));
            return;
        }
        ctx.Output.Table(words.Columns("cli.runbook.runs.columns"), runs.Select((r, i) => new[]
        {
            r.Id, r.Runbook, RunbookRunInput.Status(r.Status, words), ctx.Redact(r.Trigger), r.IncidentId is { } n ? $"#{n}" : "-",
            Local(r.StartedAt, zone), Span(RunbookRunInput.Duration(r, now)), ctx.Redact(r.StartedBy), steps[i]?.Name ?? "-",
        }));
    }

    public void One(RunbookRun run, IReadOnlyList<RunbookStepAttempt> attempts, IReadOnlyList<RunbookApproval> approvals)
    {
        string StepName(int index) => attempts.LastOrDefault(a => a.Index == index)?.Name ?? $"#{index + 1}";
        if (ctx.JsonOutput)
        {
            var json = RunbookRunInput.Json(run, now, ctx.Redact);
            json["parameters"] = new JsonObject([.. run.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ctx.Redact(p.Value)))]);
            json["steps"] = new JsonArray([.. attempts.Select(a => (JsonNode)RunbookRunInput.Json(a, ctx.Redact))]);
            json["approvals"] = new JsonArray([.. approvals.Select(a => (JsonNode)RunbookRunInput.Json(a, StepName(a.StepIndex), ctx.Redact))]);
            ctx.Output.Write(json);
            return;
        }
        var o = ctx.Output;
        o.Line(words.Format("cli.runbook.runs.title", run.Id, run.Runbook, RunbookRunInput.Status(run.Status, words)));
        o.Line(words.Format("cli.runbook.runs.started", Local(run.StartedAt, zone), ctx.Redact(run.StartedBy), ctx.Redact(run.Trigger)));
        if (run.EndedAt is { } ended) o.Line(words.Format("cli.runbook.runs.ended", Local(ended, zone), Span(RunbookRunInput.Duration(run, now))));
        else if (RunbookRunInput.Driven(run, now)) o.Line(words.Format("cli.runbook.runs.driven", run.Node, Local(run.LeaseUntil, zone), Span(RunbookRunInput.Duration(run, now))));
        else o.Line(words.Format("cli.runbook.runs.stale", run.Node, Local(run.LeaseUntil, zone), run.Id));
        if (run.IncidentId is { } incident) o.Line(words.Format("cli.runbook.runs.incident", incident));
        if (run.Detail is { } detail) o.Line(words.Format("cli.runbook.runs.detail", ctx.Redact(detail)));
        o.Line(run.Parameters.Count == 0 ? words["cli.runbook.runs.params.none"] : words["cli.runbook.runs.params"]);
        foreach (var p in run.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) o.Line($"  {p.Key} = {ctx.Redact(p.Value)}");
        o.Line(attempts.Count == 0 ? words["cli.runbook.runs.steps.none"] : words["cli.runbook.runs.steps"]);
        foreach (var a in attempts)
        {
            var outcome = a.Outcome is { } x ? words.Word("attempt", x) : words["cli.runbook.runs.attempt.open"];
            var line = words.Format("cli.runbook.runs.attempt", a.Index + 1, a.Name, a.Kind, a.Attempt, Local(a.StartedAt, zone), Local(a.EndedAt, zone), outcome)
                + (a.ExitCode is { } code ? words.Format("cli.runbook.runs.exit", code.ToString(CultureInfo.InvariantCulture)) : "")
                + (a.Detail is { } d ? ": " + ctx.Redact(d) : "");
            o.Line("  " + OneLine(line));
            if (a.OutputTail is { Length: > 0 } tail)
                foreach (var t in ctx.Redact(tail).TrimEnd('\n').ReplaceLineEndings("\n").Split('\n')) o.Line("       | " + t);
            // The approvals under the step's latest attempt: they count for the step, whichever attempt asked.
            if (a.Kind == Core.Plan.ApprovalStep.KindWord && a == attempts.Last(x => x.Index == a.Index))
            {
                foreach (var ap in approvals.Where(x => x.StepIndex == a.Index))
                {
                    var said = words.Format("cli.runbook.runs.approval", ctx.Redact(ap.By), Local(ap.At, zone))
                        + (ap.Note is { } note ? words.Format("cli.runbook.runs.approval.note", ctx.Redact(note)) : "");
                    o.Line("     " + OneLine(said));
                }
            }
        }
    }

    /// <summary>A detail or note on one line, so a planted line break cannot pass for a line of the record.</summary>
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
