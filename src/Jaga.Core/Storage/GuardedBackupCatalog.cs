using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IBackupCatalog"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedBackupCatalog(IBackupCatalog inner, StoreGuard guard) : IBackupCatalog
{
    public Task SaveAsync(BackupRecord record, CancellationToken ct = default) => guard.Run(() => inner.SaveAsync(record, ct));

    public Task<BackupRecord?> FindAsync(string id, CancellationToken ct = default) => guard.Run(() => inner.FindAsync(id, ct));

    public Task<IReadOnlyList<BackupRecord>> ListAsync(string? job = null, CancellationToken ct = default) => guard.Run(() => inner.ListAsync(job, ct));

    public Task<bool> DeleteAsync(string id, CancellationToken ct = default) => guard.Run(() => inner.DeleteAsync(id, ct));

    public Task<JobLease?> TryLockAsync(string job, string owner, TimeSpan ttl, string? replacing = null, CancellationToken ct = default) =>
        guard.Run(() => inner.TryLockAsync(job, owner, ttl, replacing, ct));

    public Task<JobLease?> LockHolderAsync(string job, CancellationToken ct = default) => guard.Run(() => inner.LockHolderAsync(job, ct));

    public Task<bool> RenewLockAsync(JobLease lease, TimeSpan ttl, CancellationToken ct = default) => guard.Run(() => inner.RenewLockAsync(lease, ttl, ct));

    public Task ReleaseLockAsync(JobLease lease, CancellationToken ct = default) => guard.Run(() => inner.ReleaseLockAsync(lease, ct));
}
