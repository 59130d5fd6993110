using System.CommandLine;
using System.Text;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary>What <c>jaga user</c> and <c>jaga token</c> read: a name, a role, and a password — typed twice at a prompt that
/// does not echo, or one line on standard input; never an argument, which <c>ps</c> and the shell's history would keep.</summary>
internal static class AccountInput
{
    private const int MaxName = 64;

    public static Option<string> RoleOption() => new("--role") { Description = "viewer, operator or admin", Required = true };

    public static Option<bool> PasswordStdin() => new("--password-stdin") { Description = "Read the password from standard input (one line) instead of a prompt" };

    public static string Name(string? given, Catalog words)
    {
        var name = (given ?? "").Trim();
        if (name.Length is 0 or > MaxName || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            throw new UserError(words.Format("cli.user.name.bad", name), words["cli.user.name.hint"]);
        return name;
    }

    public static DashboardRole Role(string? given, Catalog words) =>
        DashboardRoles.TryParse(given, out var role) ? role : throw new UserError(words.Format("cli.user.role.unknown", given), words["cli.user.role.hint"]);

    public static string Password(string name, bool stdin, CliContext ctx, Catalog words)
    {
        string password;
        if (stdin)
            password = Console.In.ReadLine() ?? "";
        else
        {
            if (Console.IsInputRedirected || !ctx.Output.Terminal) throw new UserError(words["cli.user.password.noterminal"], words["cli.user.password.hint"]);
            password = Prompt(words.Format("cli.user.password.prompt", name));
            if (Prompt(words["cli.user.password.again"]) != password) throw new UserError(words["cli.user.password.mismatch"], words["cli.user.password.hint"]);
        }
        if (password.Length < Passwords.MinLength)
            throw new UserError(words.Format("cli.user.password.short", Passwords.MinLength), words["cli.user.password.hint"]);
        return password;
    }

    /// <summary>Reads a line from the terminal without showing it.</summary>
    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0) text.Length--;
            }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return text.ToString();
    }
}
