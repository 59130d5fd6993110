using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Messages;

namespace Jaga.Dashboard.Accounts;

/// <summary>Decides a sign-in: a locked user is refused whatever the password; a wrong password is counted in the store, and
/// the <see cref="Limit"/>th in a row locks the user for <see cref="LockFor"/>; each outcome is one line in the log. Time is
/// the injected clock's.</summary>
public sealed class SignInDesk(IDashboardState state, TimeProvider clock)
{
    /// <summary>Wrong passwords in a row that lock a user.</summary>
    public const int Limit = 5;

    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public async Task<SignInOutcome> SignInAsync(string name, string password, string address, CancellationToken ct)
    {
        var users = state.Store.Users;
        var user = await users.GetAsync(name, ct);
        var now = clock.GetUtcNow();
        if (user?.LockedUntil is { } held && held > now)
        {
            await state.Journal.RecordAsync(new DashboardSignInRefused(name, address), name, ct);
            return new SignInOutcome(null, held);
        }
        var (right, rehash) = Passwords.Verify(user?.PasswordHash, password);
        if (user is null || !right)
        {
            var counted = user is null ? null : await users.FailedSignInAsync(name, Limit, now + LockFor, ct);
            if (counted?.LockedUntil is { } until && until > now)
            {
                await state.Journal.RecordAsync(new DashboardLockedOut(name, address, Limit, Local(until)), name, ct);
                return new SignInOutcome(null, until);
            }
            await state.Journal.RecordAsync(new DashboardSignInRefused(name, address), name, ct);
            return new SignInOutcome(null, null);
        }
        if (rehash) await users.SetPasswordAsync(name, Passwords.Hash(password), ct);
        else await users.SignedInAsync(name, ct);
        await state.Journal.RecordAsync(new DashboardSignedIn(name, address), name, ct);
        return new SignInOutcome(user, null);
    }

    /// <summary>A time in the plan's zone, naming it, as log lines write times.</summary>
    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);
}
