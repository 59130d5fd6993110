using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IIncidents"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedIncidents(IIncidents inner, StoreGuard guard) : IIncidents
{
    public Task<(bool Opened, Incident Incident)> OpenAsync(string key, string title, string source, DateTimeOffset at, string node, CancellationToken ct = default) =>
        guard.Run(() => inner.OpenAsync(key, title, source, at, node, ct));

    public Task<Incident?> GetAsync(long id, CancellationToken ct = default) => guard.Run(() => inner.GetAsync(id, ct));

    public Task<Incident?> FindOpenAsync(string key, CancellationToken ct = default) => guard.Run(() => inner.FindOpenAsync(key, ct));

    public Task<IReadOnlyList<Incident>> ListAsync(bool openOnly, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.ListAsync(openOnly, limit, ct));

    public Task<bool> AcknowledgeAsync(long id, string by, DateTimeOffset at, CancellationToken ct = default) =>
        guard.Run(() => inner.AcknowledgeAsync(id, by, at, ct));

    public Task<bool> CloseAsync(long id, DateTimeOffset at, string by, string? note, CancellationToken ct = default) =>
        guard.Run(() => inner.CloseAsync(id, at, by, note, ct));

    public Task AddEventAsync(long id, DateTimeOffset at, IncidentEventKind kind, string text, string node, CancellationToken ct = default) =>
        guard.Run(() => inner.AddEventAsync(id, at, kind, text, node, ct));

    public Task<IReadOnlyList<IncidentEvent>> TimelineAsync(long id, CancellationToken ct = default) => guard.Run(() => inner.TimelineAsync(id, ct));
}
