using System.CommandLine;
using Jaga.Engine.Emergency.Incidents;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident close ID [--note TEXT] [--by NAME]</c>: closes an incident by hand (one that recovers closes by
/// itself). Closing one that is closed changes nothing and says who closed it.</summary>
internal static class IncidentCloseCommand
{
    public static Command Create(CommandBuilder b)
    {
        var close = b.Command("close", "Close an incident by hand, with a note; the time to recover stops.", "jaga incident close 7 --note \"rolled back 2.4.1\" --by rina");
        var id = Id();
        var note = new Option<string?>("--note") { Description = "What was done or found, kept with the incident" };
        var by = By();
        close.Arguments.Add(id);
        close.Options.Add(note);
        close.Options.Add(by);
        b.Action(close, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = Who(parse.GetValue(by), words);
            var text = Text(parse.GetValue(note), "--note", MaxNote, words);
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var incident = await FindAsync(store.Incidents, parse.GetValue(id), words, ct);
                var done = await new IncidentLog(store.Incidents, journal, ctx.Clock).CloseAsync(incident, who, text, ct);
                var now = await FindAsync(store.Incidents, incident.Id, words, ct);
                if (ctx.JsonOutput)
                {
                    var json = Json(now);
                    json["closed_now"] = done;
                    ctx.Output.Write(json);
                }
                else
                {
                    ctx.Output.Line(done
                        ? words.Format("cli.incident.closed", now.Id, now.ClosedBy)
                        : words.Format("cli.incident.already.closed", now.Id, now.ClosedBy, Local(now.ClosedAt, plan.Plan.Timezone)));
                }
            }
            return ExitCodes.Ok;
        });
        return close;
    }
}
