using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga user add NAME --role …</c>: a dashboard user, its password hashed by ASP.NET Core Identity's hasher.</summary>
internal static class UserAddCommand
{
    public static Command Create(CommandBuilder b)
    {
        var add = b.Command("add", "Add a dashboard user; the password is asked twice at a prompt, or read from --password-stdin.",
            "jaga user add sari --role operator");
        var name = new Argument<string>("NAME") { Description = "The sign-in name" };
        var role = AccountInput.RoleOption();
        var stdin = AccountInput.PasswordStdin();
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(stdin);
        b.Action(add, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = AccountInput.Name(parse.GetValue(name), words);
            var level = AccountInput.Role(parse.GetValue(role), words);
            var password = AccountInput.Password(who, parse.GetValue(stdin), ctx, words);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var user = new DashboardUser(who, level, Passwords.Hash(password), 0, null, ctx.Clock.GetUtcNow());
                if (!await store.Users.AddAsync(user, ct)) throw new UserError(words.Format("cli.user.exists", who), words.Format("cli.user.exists.hint", who));
                var entry = await journal.RecordAsync(new DashboardUserAdded(who, level.Word()) { Data = new Dictionary<string, string> { ["user"] = who, ["role"] = level.Word() } }, ct: ct);
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["name"] = who, ["role"] = level.Word(), ["seq"] = entry.Seq });
                else ctx.Output.Line(words.Format("cli.user.added", who, level.Word()));
            }
            return ExitCodes.Ok;
        });
        return add;
    }
}
