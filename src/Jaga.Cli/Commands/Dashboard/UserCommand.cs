using System.CommandLine;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga user</c>: the people who sign in to the dashboard, and their roles.</summary>
internal static class UserCommand
{
    public static Command Create(CommandBuilder b)
    {
        var user = b.Command("user", "Dashboard users: add, change a password, remove, list.", "jaga user add sari --role operator");
        user.Subcommands.Add(UserAddCommand.Create(b));
        user.Subcommands.Add(UserPasswdCommand.Create(b));
        user.Subcommands.Add(UserRemoveCommand.Create(b));
        user.Subcommands.Add(UserListCommand.Create(b));
        return user;
    }
}
