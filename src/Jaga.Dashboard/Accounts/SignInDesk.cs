using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Messages;

namespace Jaga.Dashboard.Accounts;

/// <summary>Decides a sign-in: a locked user is refused whatever the password; a wrong password is counted in the store, and
/// the <see cref="Limit"/>th in a row locks the user for <see cref="LockFor"/>; each outcome is one line in the log. Time is
/// the injected clock's. A name nobody has is counted the same way (in memory, <see cref="UnknownNamesKept"/> at most), and the
/// password is hashed on every path, so neither the answers nor their time tell which names exist. A typed name that is no
/// user's is never written down: it might be a password typed into the wrong field.</summary>
public sealed class SignInDesk(IDashboardState state, TimeProvider clock)
{
    /// <summary>Wrong passwords in a row that lock a user.</summary>
    public const int Limit = 5;

    /// <summary>Unknown names counted at most; beyond, the one counted longest ago is forgotten.</summary>
    public const int UnknownNamesKept = 10_000;

    /// <summary>The actor of the audit entry of a sign-in with a name that is no user's.</summary>
    public const string Anonymous = "anonymous";

    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, (int Failed, DateTimeOffset? LockedUntil, DateTimeOffset Touched)> unknown = new(StringComparer.Ordinal);

    private readonly Lock gate = new();

    public async Task<SignInOutcome> SignInAsync(string name, string password, string address, CancellationToken ct)
    {
        var users = state.Store.Users;
        var user = await users.GetAsync(name, ct);
        var now = clock.GetUtcNow();
        var (who, by) = user is null ? (state.Words["web.signin.unknown"], Anonymous) : (name, name);
        var (right, rehash) = Passwords.Verify(user?.PasswordHash, password);
        var held = user is null ? UnknownLock(name, now) : user.LockedUntil;
        if (held is { } h && h > now) return await RefusedAsync(who, by, address, h, ct);
        if (user is null || !right)
        {
            var until = user is null ? CountUnknown(name, now) : (await users.FailedSignInAsync(name, Limit, now + LockFor, ct))?.LockedUntil;
            if (until is { } u && u > now)
            {
                await state.Journal.RecordAsync(new DashboardLockedOut(who, address, Limit, Local(u)), by, ct);
                return new SignInOutcome(null, u);
            }
            return await RefusedAsync(who, by, address, null, ct);
        }
        // The lock read above may be stale: another process may have counted the last wrong password since. The store
        // starts the count again only while no lock holds.
        if (!await users.SignedInAsync(name, now, ct))
        {
            var again = (await users.GetAsync(name, ct))?.LockedUntil;
            return await RefusedAsync(who, by, address, again > now ? again : null, ct);
        }
        if (rehash)
        {
            var hash = Passwords.Hash(password);
            await users.SetPasswordAsync(name, hash, ct);
            user = user with { PasswordHash = hash };
        }
        await state.Journal.RecordAsync(new DashboardSignedIn(name, address), name, ct);
        return new SignInOutcome(user with { FailedAttempts = 0 }, null);
    }

    /// <summary>A time in the plan's zone, naming it, as log lines write times.</summary>
    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);

    private async Task<SignInOutcome> RefusedAsync(string who, string by, string address, DateTimeOffset? until, CancellationToken ct)
    {
        await state.Journal.RecordAsync(new DashboardSignInRefused(who, address), by, ct);
        return new SignInOutcome(null, until);
    }

    private DateTimeOffset? UnknownLock(string name, DateTimeOffset now)
    {
        lock (gate) return unknown.TryGetValue(name, out var c) && c.LockedUntil > now ? c.LockedUntil : null;
    }

    /// <summary>Counts a wrong sign-in with an unknown name as the store counts a user's: the <see cref="Limit"/>th in a row
    /// locks the name for <see cref="LockFor"/> and starts the count again. Returns the lock, if any.</summary>
    private DateTimeOffset? CountUnknown(string name, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!unknown.TryGetValue(name, out var c) && unknown.Count >= UnknownNamesKept)
                unknown.Remove(unknown.MinBy(e => e.Value.Touched).Key);
            c = c.Failed + 1 >= Limit ? (0, now + LockFor, now) : (c.Failed + 1, c.LockedUntil, now);
            unknown[name] = c;
            return c.LockedUntil;
        }
    }
}
