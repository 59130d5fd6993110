using System.CommandLine;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Dashboard.Accounts;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga user passwd NAME</c>: a new password; a lock-out ends with it.</summary>
internal static class UserPasswdCommand
{
    public static Command Create(CommandBuilder b)
    {
        var passwd = b.Command("passwd", "Change a dashboard user's password (asked twice, or --password-stdin); ends a lock-out.", "jaga user passwd admin");
        var name = new Argument<string>("NAME") { Description = "The user" };
        var stdin = AccountInput.PasswordStdin();
        passwd.Arguments.Add(name);
        passwd.Options.Add(stdin);
        b.Action(passwd, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var who = AccountInput.Name(parse.GetValue(name), words);
            var password = AccountInput.Password(who, parse.GetValue(stdin), ctx, words);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                if (!await store.Users.SetPasswordAsync(who, Passwords.Hash(password), ct))
                    throw new UserError(words.Format("cli.user.missing", who), words["cli.user.missing.hint"]);
                await journal.RecordAsync(new DashboardPasswordChanged(who) { Data = new Dictionary<string, string> { ["user"] = who } }, ct: ct);
                ctx.Output.Line(words.Format("cli.user.passwd.done", who));
            }
            return ExitCodes.Ok;
        });
        return passwd;
    }
}
