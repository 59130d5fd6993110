using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Emergency;
using Jaga.Core.Storage;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident show ID [--format md]</c>: an incident and its timeline, or its postmortem skeleton in Markdown.</summary>
internal static class IncidentShowCommand
{
    public static Command Create(CommandBuilder b)
    {
        var show = b.Command("show", "Show an incident and its timeline; --format md writes a postmortem skeleton to fill in.", "jaga incident show 7 --format md");
        var id = Id();
        var format = new Option<string>("--format") { Description = "text, or md for a postmortem skeleton", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "md");
        show.Arguments.Add(id);
        show.Options.Add(format);
        b.Action(show, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var (incident, timeline) = await IncidentReport.LoadAsync(store.Incidents, await FindAsync(store.Incidents, parse.GetValue(id), words, ct), ct);
            var zone = plan.Plan.Timezone;
            var markdown = parse.GetValue(format) == "md";
            if (ctx.JsonOutput)
            {
                var json = Json(incident);
                json["timeline"] = new JsonArray([.. timeline.Select(e => (JsonNode)new JsonObject
                {
                    ["at"] = Iso(e.At),
                    ["kind"] = e.Kind.ToText(),
                    ["text"] = e.Text,
                    ["node"] = e.Node,
                })]);
                if (markdown) json["document"] = Postmortem.Markdown(incident, timeline, words, zone);
                ctx.Output.Write(json);
                return ExitCodes.Ok;
            }
            if (markdown)
            {
                ctx.Output.Out.Write(Postmortem.Markdown(incident, timeline, words, zone));
                return ExitCodes.Ok;
            }
            ctx.Output.Line(words.Format("cli.incident.show.title", incident.Id, incident.Title));
            ctx.Output.Line(words.Format("cli.incident.show.key", incident.Key));
            ctx.Output.Line(words.Format("cli.incident.show.opened", Local(incident.OpenedAt, zone), incident.Source, incident.Node));
            ctx.Output.Line(incident.AcknowledgedAt is { } ack
                ? words.Format("cli.incident.show.acknowledged", Local(ack, zone), incident.AcknowledgedBy, Span(incident.TimeToAcknowledge))
                : words["cli.incident.show.unacknowledged"]);
            ctx.Output.Line(incident.ClosedAt is { } closed
                ? words.Format("cli.incident.show.closed", Local(closed, zone), incident.ClosedBy, Span(incident.TimeToRecover))
                : words["cli.incident.show.open"]);
            if (incident.CloseNote is { } note) ctx.Output.Line(words.Format("cli.incident.show.note", note));
            ctx.Output.Line();
            ctx.Output.Table(words.Columns("cli.incident.timeline.columns"), timeline.Select(e => new[]
            {
                Local(e.At, zone), Postmortem.Kind(e.Kind, words), e.Text, e.Node ?? "-",
            }));
            return ExitCodes.Ok;
        });
        return show;
    }
}
