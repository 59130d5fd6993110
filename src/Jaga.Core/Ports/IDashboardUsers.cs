namespace Jaga.Core.Ports;

/// <summary>The dashboard's users and their sign-in failures (schema version 8).</summary>
public interface IDashboardUsers
{
    /// <summary>Adds a user; false when one of that name exists (it is left as it is).</summary>
    Task<bool> AddAsync(DashboardUser user, CancellationToken ct = default);

    Task<DashboardUser?> GetAsync(string name, CancellationToken ct = default);

    /// <summary>Every user, by name.</summary>
    Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken ct = default);

    /// <summary>Replaces the password hash and clears failures and any lock; false when there is no such user.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken ct = default);

    /// <summary>False when there is no such user.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken ct = default);

    /// <summary>Counts a wrong password, atomically across processes: the <paramref name="limit"/>th in a row locks the user until
    /// <paramref name="lockUntil"/> and starts the count again. Returns the user as it now is, or null when there is none.</summary>
    Task<DashboardUser?> FailedSignInAsync(string name, int limit, DateTimeOffset lockUntil, CancellationToken ct = default);

    /// <summary>A right password: the count of failures starts again, in one statement and only while no lock holds at
    /// <paramref name="now"/> (a lock set since the user was read wins). False when the user is locked or gone.</summary>
    Task<bool> SignedInAsync(string name, DateTimeOffset now, CancellationToken ct = default);
}
