using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Runbooks;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>How <c>jaga runbook run</c> and <c>resume</c> show a run: the confirmation screen (parameters, then each step as
/// the dry run sees it), each step as it starts and ends with its output indented under it, and the end.</summary>
internal static class RunbookRunView
{
    public static void Parameters(IReadOnlyDictionary<string, string> values, Catalog words, Action<string> say)
    {
        if (values.Count == 0)
        {
            say(words["cli.runbook.run.none"]);
            return;
        }
        say(words["cli.runbook.run.params"]);
        foreach (var (k, v) in values.OrderBy(p => p.Key, StringComparer.Ordinal)) say($"  {k} = {v}");
    }

    public static void Steps(Runbook runbook, IReadOnlyList<DryRunCheck> checks, Catalog words, Action<string> say)
    {
        say(words.Format("cli.runbook.run.steps", runbook.Name));
        for (var i = 0; i < runbook.Steps.Count; i++)
        {
            var step = runbook.Steps[i];
            say(words.Format("cli.runbook.run.step", i + 1, step.Name, step.Kind, words[$"word.dryrun.{checks[i].Label.ToString().ToLowerInvariant()}"], checks[i].Reason));
            if (!checks[i].Ready) say(words["cli.runbook.run.notready"]);
        }
    }

    public static JsonObject DryJson(Runbook runbook, IReadOnlyDictionary<string, string> values, IReadOnlyList<DryRunCheck> checks) => new()
    {
        ["runbook"] = runbook.Name,
        ["params"] = new JsonObject([.. values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        ["ready"] = checks.All(c => c.Ready),
        ["steps"] = new JsonArray([.. runbook.Steps.Select((s, i) => (JsonNode)new JsonObject
        {
            ["index"] = i,
            ["name"] = s.Name,
            ["kind"] = s.Kind,
            ["label"] = checks[i].Label switch
            {
                DryRunLabel.Simulated => "simulated",
                DryRunLabel.PreconditionsChecked => "preconditions_checked",
                DryRunLabel.CannotSimulate => "cannot_simulate",
            },
            ["ready"] = checks[i].Ready,
            ["reason"] = checks[i].Reason,
        })]),
    };

    /// <summary>Each step's header, its output lines indented, and how it ended.</summary>
    public static RunbookListener Listener(Catalog words, Action<string> say) => new()
    {
        RunStarted = (run, resumed) => say(words.Format("cli.runbook.run.started", run.Id, run.Runbook, new Phrase(resumed ? "runbook.how.resumed" : "runbook.how.started"))),
        StepSkipped = (i, step) => say(words.Format("cli.runbook.run.skipped", i + 1, step.Name, step.Kind)),
        StepStarted = (i, step, _) => say(words.Format("cli.runbook.run.stepstart", i + 1, step.Name, step.Kind)),
        Line = line => say("   | " + line),
        StepEnded = (_, _, result) => say(words.Format("cli.runbook.run.stepend",
            new Phrase("runbook.attempt." + Outcome(result.Outcome)), RunbookExecutor.Took(result.Duration), result.Reason)),
    };

    /// <summary>The run's end line, how to continue it, and the exit code: 0 only when it succeeded.</summary>
    public static int Finish(CliContext ctx, RunbookOutcome outcome, Catalog words)
    {
        if (ctx.JsonOutput)
        {
            ctx.Output.Write(Json(outcome));
        }
        else
        {
            ctx.Output.Line(outcome.Line);
            if (outcome.Status is RunbookRunStatus.Failed or RunbookRunStatus.Interrupted) ctx.Output.Line(words.Format("cli.runbook.run.resume", outcome.Run));
            if (outcome.FollowUp is { } next) ctx.Output.Line(words.Format("cli.runbook.run.followup", next.Runbook, next.Run, new Phrase("runbook.status." + next.Status.ToString().ToLowerInvariant())));
        }
        return outcome.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static JsonObject Json(RunbookOutcome o) => new()
    {
        ["run"] = o.Run,
        ["runbook"] = o.Runbook,
        ["status"] = o.Status.ToString().ToLowerInvariant(),
        ["detail"] = o.Detail,
        ["taken_over"] = o.TakenOver,
        ["follow_up"] = o.FollowUp is { } f ? Json(f) : null,
    };

    private static string Outcome(StepOutcome o) => o switch
    {
        StepOutcome.Succeeded => "succeeded",
        StepOutcome.TimedOut => "timedout",
        StepOutcome.Cancelled => "interrupted",
        _ => "failed",
    };
}
