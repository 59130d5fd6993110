using System.CommandLine;

namespace Jaga.Cli.Commands.Env;

/// <summary><c>jaga env</c>: the project's env files: set keys in one (audited, values never shown), compare two, and
/// check that every key the plan and <c>.env.example</c> need is set.</summary>
internal static class EnvCommand
{
    public static Command Create(CommandBuilder b)
    {
        var env = b.Command("env", "Env files: set keys (atomically, values never shown), compare two files' keys, check the keys the plan needs.", "jaga env check");
        env.Subcommands.Add(EnvSetCommand.Create(b));
        env.Subcommands.Add(EnvDiffCommand.Create(b));
        env.Subcommands.Add(EnvCheckCommand.Create(b));
        return env;
    }
}
