using System.CommandLine;
using System.Text.Json.Nodes;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook list</c>: each runbook of the plan with what starts it, its number of steps and its parameters.
/// Reads the plan only.</summary>
internal static class RunbookListCommand
{
    public static Command Create(CommandBuilder b)
    {
        var list = b.Command("list", "List the plan's runbooks: name, trigger, number of steps, parameters.", "jaga runbook list --json");
        b.Action(list, (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var runbooks = plan.Plan.Emergency.Runbooks;
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["runbooks"] = new JsonArray([.. runbooks.Select(r => (JsonNode)new JsonObject
                    {
                        ["name"] = r.Name,
                        ["description"] = r.Description is null ? null : ctx.Redact(r.Description),
                        ["trigger"] = RunbookJson.Trigger(r.Trigger),
                        ["steps"] = r.Steps.Count,
                        ["params"] = new JsonArray([.. r.Params.Select(p => (JsonNode)RunbookJson.Param(p, ctx.Redact))]),
                    })]),
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            var words = ctx.Messages(plan);
            if (runbooks.Count == 0)
            {
                ctx.Output.Line(words["cli.runbook.none"]);
                return Task.FromResult(ExitCodes.Ok);
            }
            ctx.Output.Table(words.Columns("cli.runbook.columns"), runbooks.Select(r => new[]
            {
                r.Name, RunbookJson.TriggerWord(r.Trigger), r.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Params.Count == 0 ? "-" : string.Join(", ", r.Params.Select(p => p.Required ? p.Name : $"{p.Name}={ctx.Redact(p.Default!)}")),
            }));
            return Task.FromResult(ExitCodes.Ok);
        });
        return list;
    }
}
