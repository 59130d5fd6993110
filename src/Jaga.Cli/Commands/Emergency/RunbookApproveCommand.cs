using System.CommandLine;
using System.Text.Json.Nodes;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook approve RUN [--by NAME] [--note TEXT]</c>: one person's approval of the approve step a run waits
/// at, recorded by <see cref="RunbookApprover"/> (which the dashboard's emergency page uses too), and how many the step still
/// needs and whether the run goes on by itself.</summary>
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
                var given = await RunbookApprover.ApproveAsync(plan, store, journal, ctx.Clock, parse.GetValue(run)!, who, said, words, ct);
                if (ctx.JsonOutput)
                {
                    ctx.Output.Write(new JsonObject
                    {
                        ["run"] = given.Run.Id,
                        ["runbook"] = given.Run.Runbook,
                        ["step"] = given.Step.Name,
                        ["index"] = given.Step.Index,
                        ["by"] = who,
                        ["note"] = said,
                        ["approvals"] = given.Count,
                        ["needed"] = given.Needed,
                        ["approved_by"] = new JsonArray([.. given.Approvals.Select(a => (JsonNode)ctx.Redact(a.By))]),
                        ["driven"] = given.Driven,
                    });
                }
                else
                {
                    ctx.Output.Line(ctx.Redact(given.Line(words)));
                }
            }
            return ExitCodes.Ok;
        });
        return approve;
    }

    /// <summary>Who approves without <c>--by</c>: the session's user name, which people recognise and which differs between the
    /// two people of a two-person rule (user@host would let one person approve twice from two machines).</summary>
    private static string Approver => Environment.UserName is { Length: > 0 } name ? name : CliContext.Actor;
}
