using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IBackupCatalog"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedBackupCatalog(IBackupCatalog inner, StoreGuard guard) : IBackupCatalog
{
    public Task SaveAsync(BackupRecord record, CancellationToken ct = default) => guard.Run(() => inner.SaveAsync(record, ct));

    public Task<BackupRecord?> FindAsync(string id, CancellationToken ct = default) => guard.Run(() => inner.FindAsync(id, ct));

    public Task<IReadOnlyList<BackupRecord>> ListAsync(string? job = null, CancellationToken ct = default) => guard.Run(() => inner.ListAsync(job, ct));

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) => guard.Run(() => inner.DeleteAsync(id, ct));
}
