using System.CommandLine;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga incident</c>: the incidents opened by alerts (or by hand), their timelines, and acknowledging and closing them.</summary>
internal static class IncidentCommand
{
    public static Command Create(CommandBuilder b)
    {
        var incident = b.Command("incident", "Incidents: what failed, who is on it, and the timeline from opening to recovery.", "jaga incident list --open");
        incident.Subcommands.Add(IncidentListCommand.Create(b));
        incident.Subcommands.Add(IncidentShowCommand.Create(b));
        incident.Subcommands.Add(IncidentOpenCommand.Create(b));
        incident.Subcommands.Add(IncidentAckCommand.Create(b));
        incident.Subcommands.Add(IncidentCloseCommand.Create(b));
        return incident;
    }
}
