using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Emergency;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook approve RUN [--by NAME] [--note TEXT]</c>: one person's approval of the approve step a run waits
/// at. The executor counts the approvals in the store, so this only records one (once per person) with its log line, audit
/// entry and incident line, and says how many the step still needs and whether the run goes on by itself.</summary>
internal static class RunbookApproveCommand
{
    public static Command Create(CommandBuilder b)
    {
        var approve = b.Command("approve", "Approve the step a runbook run waits at; a step that needs two approvals needs two different people.",
            "jaga runbook approve 3f9a0c12 --by rina --note \"backup checked\"");
        var run = RunbookRunInput.Run();
        var by = new Option<string?>("--by") { Description = "Who approves (default: the user name of this session)" };
        var note = new Option<string?>("--note") { Description = "Why, or what was checked, kept with the approval" };
        approve.Arguments.Add(run);
        approve.Options.Add(by);
        approve.Options.Add(note);
        b.Action(approve, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = plan.Redactor.Redact(Text(parse.GetValue(by), "--by", MaxName, words) ?? Approver);
            var said = Text(parse.GetValue(note), "--note", MaxNote, words) is { } n ? plan.Redactor.Redact(n) : null;
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var found = await RunbookRunInput.FindAsync(store.Runbooks, parse.GetValue(run)!, words, ct);
                var step = WaitingStep(found, await store.Runbooks.StepsAsync(found.Id, ct), words);
                var now = ctx.Clock.GetUtcNow();
                if (!await store.Runbooks.ApproveAsync(found.Id, step.Index, who, now, said, ct))
                    throw new UserError(words.Format("cli.runbook.approve.twice", who, step.Name, found.Id), words["cli.runbook.approve.twice.hint"]);
                var approvals = await store.Runbooks.ApprovalsAsync(found.Id, step.Index, ct);
                var count = approvals.Select(a => a.By).Distinct(StringComparer.Ordinal).Count();
                var needed = Needed(plan, found.Runbook, step);
                var approved = new RunbookApproved(found.Id, found.Runbook, step.Name, who, count, needed, said) { Data = Data(found, step, who, count, needed) };
                await journal.RecordAsync(approved, who, ct);
                if (found.IncidentId is { } incident)
                    await new IncidentLog(store.Incidents, journal, ctx.Clock).AddEventAsync(incident, IncidentEventKind.Approved, journal.Describe(approved), ct);
                if (ctx.JsonOutput)
                {
                    ctx.Output.Write(new JsonObject
                    {
                        ["run"] = found.Id,
                        ["runbook"] = found.Runbook,
                        ["step"] = step.Name,
                        ["index"] = step.Index,
                        ["by"] = who,
                        ["note"] = said,
                        ["approvals"] = count,
                        ["needed"] = needed,
                        ["approved_by"] = new JsonArray([.. approvals.Select(a => (JsonNode)ctx.Redact(a.By))]),
                        ["driven"] = RunbookRunInput.Driven(found, now),
                    });
                }
                else
                {
                    var head = needed is { } k
                        ? words.Format("cli.runbook.approved", step.Name, found.Id, count, k)
                        : words.Format("cli.runbook.approved.unknown", step.Name, found.Id, count);
                    ctx.Output.Line(ctx.Redact($"{head}; {Next(found, count, needed, RunbookRunInput.Driven(found, now), words)}"));
                }
            }
            return ExitCodes.Ok;
        });
        return approve;
    }

    /// <summary>Who approves without <c>--by</c>: the session's user name, which people recognise and which differs between the
    /// two people of a two-person rule (user@host would let one person approve twice from two machines).</summary>
    private static string Approver => Environment.UserName is { Length: > 0 } name ? name : CliContext.Actor;

    /// <summary>The approve step the run waits at: the latest attempt of an approve step that has not ended, in a run that has
    /// not succeeded or been cancelled. A run whose driver died while it waited (interrupted, failed, or running under a lease
    /// that ran out) still takes the approval: a resume counts it.</summary>
    private static RunbookStepAttempt WaitingStep(RunbookRun run, IReadOnlyList<RunbookStepAttempt> attempts, Catalog words)
    {
        var open = run.Status is RunbookRunStatus.Succeeded or RunbookRunStatus.Cancelled
            ? null
            : Core.Emergency.StepAttempts.Latest(attempts).Values.LastOrDefault(a => a.Kind == Core.Plan.ApprovalStep.KindWord && a.EndedAt is null);
        return open ?? throw new UserError(words.Format("cli.runbook.approve.not.waiting", run.Id, RunbookRunInput.Status(run.Status, words)),
            words.Format("cli.runbook.approve.not.waiting.hint", run.Id));
    }

    /// <summary>How many approvals the step needs, from the plan as it is now; null when the runbook or that approve step is
    /// gone from it (or the step at that place is another one).</summary>
    private static int? Needed(LoadedPlan plan, string runbook, RunbookStepAttempt step) =>
        plan.Plan.Emergency.Find(runbook)?.Steps.ElementAtOrDefault(step.Index) is ApprovalStep a && a.Name == step.Name ? a.Approve.Approvals : null;

    private static string Next(RunbookRun run, int count, int? needed, bool driven, Catalog words) => needed switch
    {
        null => driven ? words["cli.runbook.approve.unknown.continues"] : words.Format("cli.runbook.approve.unknown.resume", run.Id),
        { } k when count >= k => driven ? words["cli.runbook.approve.continues"] : words.Format("cli.runbook.approve.resume", run.Id),
        { } k => driven ? words.Format("cli.runbook.approve.more", k - count) : words.Format("cli.runbook.approve.more.resume", k - count, run.Id),
    };

    private static Dictionary<string, string> Data(RunbookRun run, RunbookStepAttempt step, string who, int count, int? needed)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["run"] = run.Id,
            ["runbook"] = run.Runbook,
            ["step"] = step.Name,
            ["index"] = step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["by"] = who,
            ["approvals"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (needed is { } k) data["needed"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (run.IncidentId is { } i) data["incident"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }
}
