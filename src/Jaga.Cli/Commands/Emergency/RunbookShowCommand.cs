using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Emergency;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook show NAME</c>: the runbook as the printable procedure (Markdown or plain text), or its parts as
/// JSON. Reads the plan only; no secret is ever in what it prints.</summary>
internal static class RunbookShowCommand
{
    public static Command Create(CommandBuilder b)
    {
        var show = b.Command("show", "Print a runbook as the procedure to follow by hand: contacts, parameters, every step in words, and how to restore without Jaga.",
            "jaga runbook show restore-db --format md > restore-db.md");
        var name = new Argument<string>("NAME") { Description = "The runbook's name (jaga runbook list)" };
        var format = new Option<string>("--format") { Description = "text (for a terminal) or md (Markdown, to print or share)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("md", "text");
        show.Arguments.Add(name);
        show.Options.Add(format);
        b.Action(show, (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var runbook = RunbookCommand.Find(plan, parse.GetValue(name)!, ctx);
            var language = ctx.Messages(plan).Language;
            var chosen = parse.GetValue(format);
            var document = chosen == "md" ? RunbookDocument.Markdown(plan, runbook, language) : RunbookDocument.Text(plan, runbook, language);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["name"] = runbook.Name,
                    ["description"] = runbook.Description is null ? null : ctx.Redact(runbook.Description),
                    ["trigger"] = RunbookJson.Trigger(runbook.Trigger),
                    ["timeout"] = Core.Plan.Values.DurationValue.Format(runbook.Timeout),
                    ["params"] = new JsonArray([.. runbook.Params.Select(p => (JsonNode)RunbookJson.Param(p, ctx.Redact))]),
                    ["steps"] = new JsonArray([.. runbook.Steps.Select(s => (JsonNode)new JsonObject
                    {
                        ["name"] = s.Name,
                        ["kind"] = s.Kind,
                        ["timeout"] = runbook.TimeoutOf(s) is { } t ? Core.Plan.Values.DurationValue.Format(t) : null,
                        ["on_failure"] = s.OnFailure.ToString(),
                    })]),
                    ["format"] = chosen,
                    ["document"] = document,
                });
            }
            else
            {
                ctx.Output.Out.Write(document);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return show;
    }
}
