using System.CommandLine;

namespace Jaga.Cli.Commands.Monitor;

/// <summary><c>jaga monitor</c>: run the plan's checks by hand, and show their state and history.</summary>
internal static class MonitorCommand
{
    public static Command Create(CommandBuilder b)
    {
        var monitor = b.Command("monitor", "The monitoring pillar: run checks now, show their state, uptime and response times.", "jaga monitor status");
        monitor.Subcommands.Add(MonitorCheckCommand.Create(b));
        monitor.Subcommands.Add(MonitorStatusCommand.Create(b));
        return monitor;
    }
}
