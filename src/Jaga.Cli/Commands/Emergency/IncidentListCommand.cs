using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Emergency;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident list [--open]</c>: incidents newest first, with their times to acknowledge and to recover, and the
/// means over those listed.</summary>
internal static class IncidentListCommand
{
    /// <summary>How many incidents a listing reads: the figures are over these.</summary>
    private const int Limit = 1000;

    public static Command Create(CommandBuilder b)
    {
        var list = b.Command("list", "List incidents, newest first: opened, acknowledged, closed, time to acknowledge and to recover, and their means.",
            "jaga incident list --open");
        var open = new Option<bool>("--open") { Description = "Only the open ones" };
        list.Options.Add(open);
        b.Action(list, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var incidents = await store.Incidents.ListAsync(parse.GetValue(open), Limit, ct);
            var figures = IncidentFigures.Of(incidents);
            var stillOpen = incidents.Count(i => i.Open);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["incidents"] = new JsonArray([.. incidents.Select(i => (JsonNode)Json(i))]),
                    ["figures"] = new JsonObject
                    {
                        ["count"] = figures.Count,
                        ["open"] = stillOpen,
                        ["acknowledged"] = figures.Acknowledged,
                        ["recovered"] = figures.Recovered,
                        ["mean_time_to_acknowledge_s"] = Seconds(figures.MeanTimeToAcknowledge),
                        ["mean_time_to_recover_s"] = Seconds(figures.MeanTimeToRecover),
                    },
                });
                return ExitCodes.Ok;
            }
            var words = ctx.Messages(plan);
            if (incidents.Count == 0)
            {
                ctx.Output.Line(words[parse.GetValue(open) ? "cli.incident.none.open" : "cli.incident.none"]);
                return ExitCodes.Ok;
            }
            var zone = plan.Plan.Timezone;
            ctx.Output.Table(words.Columns("cli.incident.columns"), incidents.Select(i => new[]
            {
                $"#{i.Id}", i.Key, i.Title, Local(i.OpenedAt, zone), Local(i.AcknowledgedAt, zone), Local(i.ClosedAt, zone),
                Span(i.TimeToAcknowledge), Span(i.TimeToRecover),
            }));
            ctx.Output.Line();
            ctx.Output.Line(words.Format("cli.incident.figures", figures.Count, stillOpen, Span(figures.MeanTimeToAcknowledge), figures.Acknowledged,
                Span(figures.MeanTimeToRecover), figures.Recovered));
            return ExitCodes.Ok;
        });
        return list;
    }
}
