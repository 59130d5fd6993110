using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Readiness;
using Jaga.Engine.Readiness;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Readiness;

/// <summary><c>jaga checklist ack ITEM --by NAME --note …</c>: a person acknowledges a point of the checklist, for what only
/// a person can judge (the folder structure, security beyond what is probed); recorded in the audit chain.</summary>
internal static class ChecklistAckCommand
{
    public static Command Create(CommandBuilder b)
    {
        var ack = b.Command("ack", "Acknowledge a checklist point after checking what only a person can judge; recorded in the audit chain.",
            "jaga checklist ack security --by sari --note \"input validation, rate limiting and audit logs reviewed\"");
        var item = new Argument<string>("ITEM") { Description = "The point: configuration, folders, dependencies, ci, security, documentation, backup" };
        var by = new Option<string>("--by") { Description = "Who checked", Required = true };
        var note = new Option<string>("--note") { Description = "What was checked", Required = true };
        ack.Arguments.Add(item);
        ack.Options.Add(by);
        ack.Options.Add(note);
        b.Action(ack, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var name = parse.GetValue(item)!.Trim();
            if (!ReadinessPoints.TryParse(name, out _))
                throw new UserError(words.Format("cli.checklist.ack.unknown", name),
                    words.Format("cli.checklist.ack.unknown.hint", string.Join(", ", Enum.GetValues<ReadinessPoint>().Select(ReadinessPoints.Name))));
            var who = Text(parse.GetValue(by), "--by", MaxName, words)!;
            var text = Text(parse.GetValue(note), "--note", MaxNote, words)!;
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var entry = await ChecklistAcknowledgement.RecordAsync(journal, name, who, text, ct);
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["item"] = name, ["by"] = who, ["note"] = text, ["seq"] = entry.Seq, ["line"] = entry.Line });
                else
                {
                    ctx.Output.Line(entry.Line);
                    ctx.Output.Line(words.Format("cli.checklist.ack.done", name, who));
                }
            }
            return ExitCodes.Ok;
        });
        return ack;
    }
}
