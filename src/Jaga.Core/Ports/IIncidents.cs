namespace Jaga.Core.Ports;

/// <summary>Incidents and their timelines in the state store. Opening is atomic across processes and nodes: a key has at most
/// one open incident, however many nodes see the same failure at once.</summary>
/// <remarks>The store keeps what it is given: callers mask secrets in titles, notes and timeline texts before storing.</remarks>
public interface IIncidents
{
    /// <summary>Opens an incident for <paramref name="key"/> (its timeline starts with <see cref="IncidentEventKind.Opened"/>)
    /// unless one is open: then nothing changes and that one is returned with <c>Opened</c> false.</summary>
    Task<(bool Opened, Incident Incident)> OpenAsync(string key, string title, string source, DateTimeOffset at, string node, CancellationToken ct = default);

    Task<Incident?> GetAsync(long id, CancellationToken ct = default);

    /// <summary>The open incident of <paramref name="key"/>, or null (what closes on recovery).</summary>
    Task<Incident?> FindOpenAsync(string key, CancellationToken ct = default);

    /// <summary>Incidents (only the open ones when <paramref name="openOnly"/>), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken ct = default);

    /// <summary>Records the first acknowledgement (and a timeline line with the person); false when the incident was already
    /// acknowledged.</summary>
    Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Closes an open incident (and adds a timeline line: the person, and the note after a colon); false when it was already closed.</summary>
    Task<bool> CloseAsync(long id, DateTimeOffset at, string by, string? note, CancellationToken ct = default);

    /// <summary>Adds a line to an incident's timeline.</summary>
    Task AddEventAsync(long id, DateTimeOffset at, IncidentEventKind kind, string text, string node, CancellationToken ct = default);

    /// <summary>An incident's timeline in time order (lines of one millisecond in the order they were added).</summary>
    Task<IReadOnlyList<IncidentEvent>> TimelineAsync(long id, CancellationToken ct = default);
}
