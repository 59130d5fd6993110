using System.CommandLine;
using Jaga.Core.Journal.Events.Dashboard;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga user remove NAME</c>: the user's sessions stop working on their next request.</summary>
internal static class UserRemoveCommand
{
    public static Command Create(CommandBuilder b)
    {
        var remove = b.Command("remove", "Remove a dashboard user; a browser signed in as them is refused on its next request.", "jaga user remove budi");
        var name = new Argument<string>("NAME") { Description = "The user" };
        remove.Arguments.Add(name);
        b.Action(remove, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = AccountInput.Name(parse.GetValue(name), words);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                if (!await store.Users.RemoveAsync(who, ct)) throw new UserError(words.Format("cli.user.missing", who), words["cli.user.missing.hint"]);
                await journal.RecordAsync(new DashboardUserRemoved(who) { Data = new Dictionary<string, string> { ["user"] = who } }, ct: ct);
                ctx.Output.Line(words.Format("cli.user.removed", who));
            }
            return ExitCodes.Ok;
        });
        return remove;
    }
}
