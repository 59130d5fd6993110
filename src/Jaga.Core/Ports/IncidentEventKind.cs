namespace Jaga.Core.Ports;

/// <summary>What a line of an incident's timeline records. Stored as the member name in lower case (<c>checkfailed</c>).
/// <see cref="Opened"/>, <see cref="Acknowledged"/> and <see cref="Closed"/> are written by the store itself.</summary>
public enum IncidentEventKind
{
    Opened, CheckFailed, AlertSent, RunStarted, StepStarted, StepEnded, Approved, RunEnded, Recovered, Acknowledged, Closed, Note,
}
