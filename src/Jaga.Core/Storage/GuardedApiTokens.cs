using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IApiTokens"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedApiTokens(IApiTokens inner, StoreGuard guard) : IApiTokens
{
    public Task AddAsync(ApiToken token, CancellationToken ct = default) => guard.Run(() => inner.AddAsync(token, ct));

    public Task<ApiToken?> FindAsync(string hash, CancellationToken ct = default) => guard.Run(() => inner.FindAsync(hash, ct));

    public Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken ct = default) => guard.Run(() => inner.ListAsync(ct));

    public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken ct = default) => guard.Run(() => inner.RevokeAsync(id, at, ct));

    public Task UsedAsync(string id, DateTimeOffset at, CancellationToken ct = default) => guard.Run(() => inner.UsedAsync(id, at, ct));
}
