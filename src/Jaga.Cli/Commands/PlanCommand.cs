using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Plan;
using Jaga.Core.Plan;
using Jaga.Engine.Files;
using Jaga.Engine.Readiness;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga plan render</c>: the plan as the human maintenance-plan document.</summary>
internal static class PlanCommand
{
    public static Command Create(CommandBuilder b)
    {
        var plan = b.Command("plan", "Work with the plan as a document.", "jaga plan render > MAINTENANCE.md");
        var render = b.Command("render", "Render the plan as the maintenance-plan document (Markdown), with the seed's sections: Backup, Monitoring, Update, Emergency.", "jaga plan render --out docs/maintenance-plan.md");
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file (atomically) instead of standard output. Without it the document goes to standard output, and also to docs.render_to when the plan sets it" };
        render.Options.Add(format);
        render.Options.Add(output);
        b.Action(render, async (parse, ctx, ct) =>
        {
            var loaded = ctx.LoadPlan();
            var language = parse.GetValue<string?>("--lang");
            var markdown = PlanDocument.Markdown(loaded, language);
            // Without --out the document goes to standard output, as `jaga plan render > MAINTENANCE.md` expects; a plan that
            // keeps its document (docs.render_to) also has it written there, so the copy beside the plan stays current.
            var chosen = parse.GetValue(output);
            var toStdout = chosen is null;
            if (toStdout && !ctx.JsonOutput) ctx.Output.Out.Write(markdown);
            if ((chosen ?? RenderedPlan.PathOf(loaded)) is not { } path)
            {
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["format"] = "md", ["plan_sha256"] = loaded.Sha256, ["document"] = markdown });
                return ExitCodes.Ok;
            }
            if (Path.GetFullPath(path) == Path.GetFullPath(loaded.File))
                throw new UserError($"--out {path} is the plan itself; write the document to another file, e.g. MAINTENANCE.md");
            await OutFile.WriteAsync(path, () =>
            {
                AtomicFile.WriteAllText(path, markdown);
                return Task.CompletedTask;
            });
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var entry = await journal.RecordAsync(new PlanRendered(path) { Data = new Dictionary<string, string> { ["file"] = path, ["plan_sha256"] = loaded.Sha256 } }, ct: ct);
                if (ctx.JsonOutput)
                {
                    var json = new JsonObject { ["format"] = "md", ["plan_sha256"] = loaded.Sha256, ["file"] = path, ["line"] = entry.Line };
                    if (toStdout) json["document"] = markdown;
                    ctx.Output.Write(json);
                }
                // The log line must not mix into a document on standard output.
                else if (toStdout) ctx.Output.Error(entry.Line);
                else ctx.Output.Line(entry.Line);
            }
            return ExitCodes.Ok;
        });
        plan.Subcommands.Add(render);
        return plan;
    }
}
