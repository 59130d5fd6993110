using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Engine.Planning;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga validate</c>: every problem in the plan at once, as <c>file:line:column: message (hint)</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommandBuilder b)
    {
        var command = b.Command("validate", "Check the plan: every problem at once, with file:line:column and a fix.", "jaga validate --plan examples/tokoku/jaga.yaml");
        b.Action(command, (_, ctx, _) =>
        {
            var result = PlanFile.Load(ctx.PlanPath);
            if (!result.Ok)
            {
                CommandBuilder.ReportPlanErrors(ctx, result.Errors, ctx.Messages(result));
                return Task.FromResult(ExitCodes.BadInput);
            }
            var loaded = result.Plan!;
            var plan = loaded.Plan;
            var r = loaded.Redactor;
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["valid"] = true,
                    ["project"] = plan.Project,
                    ["timezone"] = plan.Timezone.Id,
                    ["language"] = plan.Language,
                    ["state"] = r.Redact(plan.State),
                    ["sha256"] = loaded.Sha256,
                    ["backups"] = new JsonArray(plan.Backup.Select(j => (JsonNode)new JsonObject
                    {
                        ["name"] = j.Name,
                        ["source"] = Core.Plan.Schema.EnumWord.Of(j.Source.Kind),
                        ["schedule"] = j.When.Text,
                        ["to"] = new JsonArray(j.To.Select(t => (JsonNode)t).ToArray()),
                    }).ToArray()),
                    ["checks"] = new JsonArray(plan.Monitoring.Checks.Select(c => (JsonNode)c.Name).ToArray()),
                    ["runbooks"] = new JsonArray(plan.Emergency.Runbooks.Select(c => (JsonNode)c.Name).ToArray()),
                    ["secrets_hidden"] = r.Count,
                    ["warnings"] = new JsonArray(loaded.Warnings.Select(w => (JsonNode)new JsonObject
                    {
                        ["file"] = w.File,
                        ["line"] = w.At.Line,
                        ["column"] = w.At.Column,
                        ["message"] = w.Message,
                        ["hint"] = w.Hint,
                    }).ToArray()),
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            var words = ctx.Messages(loaded);
            var summary = new Core.Messages.Phrase("cli.validate.summary",
                [plan.Backup.Count, plan.Destinations.Count, plan.Monitoring.Checks.Count, plan.Emergency.Runbooks.Count, plan.Notify.Count]);
            ctx.Output.Line(words.Format("plan.valid", ctx.PlanPath, summary));
            ctx.Output.Line(words.Format("cli.validate.settings", plan.Project, plan.Timezone.Id, plan.Language, r.Redact(plan.State)));
            if (plan.Backup.Count > 0)
            {
                ctx.Output.Table(words.Columns("cli.validate.backups"), plan.Backup.Select(j => new[]
                {
                    j.Name, $"{Core.Plan.Schema.EnumWord.Of(j.Source.Kind)} {r.Redact(j.Source.Where)}",
                    j.When.Text, string.Join(", ", j.To),
                }));
            }
            if (plan.Destinations.Count > 0)
                ctx.Output.Table(words.Columns("cli.validate.destinations"), plan.Destinations.Select(d => new[] { d.Key, d.Value.Kind, r.Redact(d.Value.Where) }));
            if (plan.Migration is { } m) ctx.Output.Line(words.Format("cli.validate.migration", r.Redact(m.From), r.Redact(m.To)));
            if (r.Count > 0) ctx.Output.Line(words.Format("cli.validate.hidden", r.Count));
            // Valid but unsafe: the plan runs, so the exit code stays 0.
            foreach (var w in loaded.Warnings) ctx.Output.Error("warning: " + w);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
