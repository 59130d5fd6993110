namespace Jaga.Core.Ports;

/// <summary>What a line of an incident's timeline records. Stored as the member name in lower case (<c>checkfailed</c>).
/// <see cref="Opened"/>, <see cref="Acknowledged"/> and <see cref="Closed"/> are written by the store itself.</summary>
/// <remarks><see cref="BackupFailed"/> and <see cref="AlertFailed"/> came with the incident tracker: a backup job's failure
/// opens an incident as a check's does, and an alert that could not be delivered belongs on the timeline as much as one that
/// was.</remarks>
public enum IncidentEventKind
{
    Opened, CheckFailed, AlertSent, RunStarted, StepStarted, StepEnded, Approved, RunEnded, Recovered, Acknowledged, Closed, Note,
    BackupFailed, AlertFailed,
}
