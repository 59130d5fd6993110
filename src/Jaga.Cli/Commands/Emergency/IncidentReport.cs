using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Emergency;

/// <summary>An incident and its timeline (opened, runbook runs, approvals, acknowledgement, resolution), as
/// <c>jaga incident show</c> prints it and the dashboard's emergency page shows it.</summary>
internal sealed record IncidentReport(Incident Incident, IReadOnlyList<IncidentEvent> Timeline)
{
    public static async Task<IncidentReport> LoadAsync(IIncidents incidents, Incident incident, CancellationToken ct) =>
        new(incident, await incidents.TimelineAsync(incident.Id, ct));
}
