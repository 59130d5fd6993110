using System.CommandLine;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga deps</c>: the project's library dependencies — the audit, the update plan, applying it, and the local
/// copy of OSV's advisories.</summary>
internal static class DepsCommand
{
    public static Command Create(CommandBuilder b)
    {
        var deps = b.Command("deps", "Library dependencies: outdated and vulnerable packages, the update plan, applying it with the tests and a rollback.", "jaga deps audit");
        deps.Subcommands.Add(DepsAuditCommand.Create(b));
        deps.Subcommands.Add(DepsPlanCommand.Create(b));
        deps.Subcommands.Add(DepsUpdateCommand.Create(b));
        deps.Subcommands.Add(DepsDbCommand.Create(b));
        return deps;
    }
}
