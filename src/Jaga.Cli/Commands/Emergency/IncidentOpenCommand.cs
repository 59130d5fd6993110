using System.CommandLine;
using Jaga.Engine.Emergency.Incidents;

using static Jaga.Cli.Commands.Emergency.IncidentInput;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident open TITLE [--key K] [--by NAME]</c>: opens an incident by hand. A key that has one open already
/// gets that one back (exit 0, nothing recorded): one open incident per key, as for alerts.</summary>
internal static class IncidentOpenCommand
{
    public static Command Create(CommandBuilder b)
    {
        var open = b.Command("open", "Open an incident by hand; the maintenance log and the audit chain record who opened it.",
            "jaga incident open \"Checkout is slow\" --key checkout --by rina");
        var title = new Argument<string>("TITLE") { Description = "What is wrong, in a few words" };
        var key = new Option<string?>("--key") { Description = "What it is about (default: the title); one open incident per key, e.g. check:api" };
        var by = By();
        open.Arguments.Add(title);
        open.Options.Add(key);
        open.Options.Add(by);
        b.Action(open, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var text = parse.GetValue(title);
            if (string.IsNullOrWhiteSpace(text)) throw new UserError(words["cli.incident.title.empty"]);
            text = Text(text, "TITLE", MaxName, words)!;
            var k = Text(parse.GetValue(key), "--key", MaxName, words);
            var who = Who(parse.GetValue(by), words);
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var (opened, incident) = await new IncidentLog(store.Incidents, journal, ctx.Clock).OpenByHandAsync(text, k, who, ct);
                if (ctx.JsonOutput)
                {
                    var json = Json(incident);
                    json["opened_now"] = opened;
                    ctx.Output.Write(json);
                }
                else
                {
                    ctx.Output.Line(opened ? words.Format("cli.incident.opened", incident.Id, incident.Title) : words.Format("cli.incident.exists", incident.Id, incident.Key, incident.Title));
                }
            }
            return ExitCodes.Ok;
        });
        return open;
    }
}
