using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IChecklistAcks"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedChecklistAcks(IChecklistAcks inner, StoreGuard guard) : IChecklistAcks
{
    public Task AcknowledgeAsync(ChecklistAck ack, CancellationToken ct = default) => guard.Run(() => inner.AcknowledgeAsync(ack, ct));

    public Task<IReadOnlyList<ChecklistAck>> LatestAsync(CancellationToken ct = default) => guard.Run(() => inner.LatestAsync(ct));
}
