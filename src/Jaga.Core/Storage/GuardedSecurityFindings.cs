using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="ISecurityFindings"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedSecurityFindings(ISecurityFindings inner, StoreGuard guard) : ISecurityFindings
{
    public Task<SecurityReadingRecorded> RecordAsync(SecurityReading reading, CancellationToken ct = default) =>
        guard.Run(() => inner.RecordAsync(reading, ct));

    public Task<IReadOnlyList<SecurityFinding>> PendingAsync(CancellationToken ct = default) => guard.Run(() => inner.PendingAsync(ct));

    public Task<IReadOnlyList<SecurityFinding>> ResolvedAsync(int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.ResolvedAsync(limit, ct));

    public Task<IReadOnlyList<SecurityReadingMark>> ReadingsAsync(CancellationToken ct = default) => guard.Run(() => inner.ReadingsAsync(ct));
}
