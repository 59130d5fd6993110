using System.CommandLine;
using Jaga.Engine.Emergency.Incidents;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident ack ID [--by NAME]</c>: someone is on it. Only the first acknowledgement counts (and is recorded);
/// a later one says who was first.</summary>
internal static class IncidentAckCommand
{
    public static Command Create(CommandBuilder b)
    {
        var ack = b.Command("ack", "Acknowledge an incident: someone is on it (the time to acknowledge stops).", "jaga incident ack 7 --by rina");
        var id = Id();
        var by = By();
        ack.Arguments.Add(id);
        ack.Options.Add(by);
        b.Action(ack, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = Who(parse.GetValue(by), words);
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var incident = await FindAsync(store.Incidents, parse.GetValue(id), words, ct);
                var done = await new IncidentLog(store.Incidents, journal, ctx.Clock).AcknowledgeAsync(incident, who, ct);
                var now = await FindAsync(store.Incidents, incident.Id, words, ct);
                if (ctx.JsonOutput)
                {
                    var json = Json(now);
                    json["acknowledged_now"] = done;
                    ctx.Output.Write(json);
                }
                else
                {
                    ctx.Output.Line(done
                        ? words.Format("cli.incident.acknowledged", now.Id, now.AcknowledgedBy)
                        : words.Format("cli.incident.already.acknowledged", now.Id, now.AcknowledgedBy, Local(now.AcknowledgedAt, plan.Plan.Timezone)));
                }
            }
            return ExitCodes.Ok;
        });
        return ack;
    }
}
