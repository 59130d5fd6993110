using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IDrills"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedDrills(IDrills inner, StoreGuard guard) : IDrills
{
    public Task RecordAsync(DrillResult drill, CancellationToken ct = default) => guard.Run(() => inner.RecordAsync(drill, ct));

    public Task<DrillResult?> LastAsync(string job, CancellationToken ct = default) => guard.Run(() => inner.LastAsync(job, ct));

    public Task<DrillResult?> LastSuccessfulAsync(string job, CancellationToken ct = default) => guard.Run(() => inner.LastSuccessfulAsync(job, ct));

    public Task<IReadOnlyList<DrillResult>> ListAsync(string? job, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.ListAsync(job, limit, ct));
}
