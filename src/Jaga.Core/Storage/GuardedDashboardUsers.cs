using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IDashboardUsers"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedDashboardUsers(IDashboardUsers inner, StoreGuard guard) : IDashboardUsers
{
    public Task<bool> AddAsync(DashboardUser user, CancellationToken ct = default) => guard.Run(() => inner.AddAsync(user, ct));

    public Task<DashboardUser?> GetAsync(string name, CancellationToken ct = default) => guard.Run(() => inner.GetAsync(name, ct));

    public Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken ct = default) => guard.Run(() => inner.ListAsync(ct));

    public Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken ct = default) =>
        guard.Run(() => inner.SetPasswordAsync(name, passwordHash, ct));

    public Task<bool> RemoveAsync(string name, CancellationToken ct = default) => guard.Run(() => inner.RemoveAsync(name, ct));

    public Task<DashboardUser?> FailedSignInAsync(string name, int limit, DateTimeOffset lockUntil, CancellationToken ct = default) =>
        guard.Run(() => inner.FailedSignInAsync(name, limit, lockUntil, ct));

    public Task<bool> SignedInAsync(string name, DateTimeOffset now, CancellationToken ct = default) =>
        guard.Run(() => inner.SignedInAsync(name, now, ct));
}
