using System.CommandLine;

namespace Jaga.Cli.Commands.Dashboard;

/// <summary><c>jaga token</c>: bearer tokens for the dashboard's <c>/api</c> endpoints.</summary>
internal static class TokenCommand
{
    public static Command Create(CommandBuilder b)
    {
        var token = b.Command("token", "API tokens for the dashboard's /api endpoints: create (shown once), list, revoke.", "jaga token create grafana --role viewer");
        token.Subcommands.Add(TokenCreateCommand.Create(b));
        token.Subcommands.Add(TokenListCommand.Create(b));
        token.Subcommands.Add(TokenRevokeCommand.Create(b));
        return token;
    }
}
