using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;
using Jaga.Core.Storage;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Readiness;

/// <summary><c>jaga changes [--unreviewed]</c>: the significant changes recorded (plan changes touching backups, restores,
/// migrations, major updates, security patches, runbooks reviewed before they run), newest first, and who reviewed each.</summary>
internal static class ChangesCommand
{
    private const int Limit = 500;

    public static Command Create(CommandBuilder b)
    {
        var changes = b.Command("changes",
            "List significant changes, newest first, with the audit entries each covers and who reviewed it (the seed's audit rule: a significant change is reviewed).",
            "jaga changes --unreviewed");
        var unreviewed = new Option<bool>("--unreviewed") { Description = "Only the changes that await review" };
        changes.Options.Add(unreviewed);
        b.Action(changes, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var list = await store.Changes.ListAsync(parse.GetValue(unreviewed), Limit, ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject { ["changes"] = new JsonArray([.. list.Select(c => (JsonNode)Json(c))]) });
                return ExitCodes.Ok;
            }
            if (list.Count == 0)
            {
                ctx.Output.Line(words[parse.GetValue(unreviewed) ? "cli.changes.none.unreviewed" : "cli.changes.none"]);
                return ExitCodes.Ok;
            }
            var zone = plan.Plan.Timezone;
            ctx.Output.Table(words.Columns("cli.changes.columns"), list.Select(c => new[]
            {
                $"{c.Id}", words["cli.changes.kind." + c.Kind.ToText()], Local(c.At, zone), c.Author,
                c.Review is { } r ? words.Format("cli.changes.reviewedby", r.By) : words[c.Applied ? "cli.changes.pending" : "cli.changes.requested"],
                c.What,
            }));
            return ExitCodes.Ok;
        });
        changes.Subcommands.Add(ChangesReviewCommand.Create(b));
        return changes;
    }

    public static JsonObject Json(ChangeRecord c) => new()
    {
        ["id"] = c.Id,
        ["kind"] = c.Kind.ToText(),
        ["subject"] = c.Subject,
        ["what"] = c.What,
        ["author"] = c.Author,
        ["at"] = c.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["covers"] = new JsonArray([.. c.Covers.Select(s => (JsonNode)s)]),
        ["applied"] = c.Applied,
        ["review"] = c.Review is { } r
            ? new JsonObject
            {
                ["by"] = r.By,
                ["at"] = r.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["note"] = r.Note,
                ["seq"] = r.Seq,
            }
            : null,
    };
}
