using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What every store's <see cref="IDashboardUsers"/> and <see cref="IApiTokens"/> promise, written once and run against
/// each adapter: a user's fields round-trip, names are unique, wrong passwords are counted to a lock-out that a new password
/// clears, and a token is found by its hash, used and revoked once.</summary>
public abstract class DashboardAccountsContract : StoreContract
{
    private DateTimeOffset Now => Clock.GetUtcNow();

    private DashboardUser User(string name, DashboardRole role = DashboardRole.Viewer) => new(name, role, "AQAAAAIAAYagAAAAE-hash-" + name, 0, null, Now);

    [Fact]
    public async Task A_user_keeps_every_field_and_a_second_of_the_same_name_is_refused()
    {
        var users = (await OpenAsync()).Users;
        var sari = User("sari", DashboardRole.Admin);

        Assert.True(await users.AddAsync(sari));
        Assert.False(await users.AddAsync(User("sari")));
        Assert.True(await users.AddAsync(User("budi", DashboardRole.Operator)));

        Assert.Equal(sari, await users.GetAsync("sari"));
        Assert.Null(await users.GetAsync("eko"));
        Assert.Equal(["budi", "sari"], (await users.ListAsync()).Select(u => u.Name));
        Assert.Equal(DashboardRole.Operator, (await users.GetAsync("budi"))!.Role);
    }

    [Fact]
    public async Task Wrong_passwords_lock_at_the_limit_and_a_new_password_clears_the_lock()
    {
        var users = (await OpenAsync()).Users;
        await users.AddAsync(User("sari"));
        var until = Now.AddMinutes(15);

        Assert.Equal(1, (await users.FailedSignInAsync("sari", 3, until))!.FailedAttempts);
        Assert.Null((await users.GetAsync("sari"))!.LockedUntil);
        await users.FailedSignInAsync("sari", 3, until);
        var locked = await users.FailedSignInAsync("sari", 3, until);

        Assert.Equal(until, locked!.LockedUntil);
        Assert.Equal(0, locked.FailedAttempts);
        Assert.Null(await users.FailedSignInAsync("eko", 3, until));

        Assert.True(await users.SetPasswordAsync("sari", "new-hash"));
        var after = await users.GetAsync("sari");
        Assert.Equal(("new-hash", 0, (DateTimeOffset?)null), (after!.PasswordHash, after.FailedAttempts, after.LockedUntil));
        Assert.False(await users.SetPasswordAsync("eko", "x"));
    }

    [Fact]
    public async Task A_right_password_starts_the_count_again_and_a_removed_user_is_gone()
    {
        var users = (await OpenAsync()).Users;
        await users.AddAsync(User("sari"));
        await users.FailedSignInAsync("sari", 5, Now);
        await users.FailedSignInAsync("sari", 5, Now);

        Assert.True(await users.SignedInAsync("sari", Now));

        Assert.Equal(0, (await users.GetAsync("sari"))!.FailedAttempts);
        Assert.True(await users.RemoveAsync("sari"));
        Assert.False(await users.RemoveAsync("sari"));
        Assert.Empty(await users.ListAsync());
    }

    [Fact]
    public async Task A_right_password_is_refused_when_a_lock_was_set_after_the_user_was_read()
    {
        var users = (await OpenAsync()).Users;
        await users.AddAsync(User("sari"));
        var read = await users.GetAsync("sari");
        await users.FailedSignInAsync("sari", 2, Now.AddMinutes(15));
        await users.FailedSignInAsync("sari", 2, Now.AddMinutes(15));

        Assert.Null(read!.LockedUntil);
        Assert.False(await users.SignedInAsync("sari", Now));
        Assert.Equal(Now.AddMinutes(15), (await users.GetAsync("sari"))!.LockedUntil);
        Assert.True(await users.SignedInAsync("sari", Now.AddMinutes(15)));
        Assert.False(await users.SignedInAsync("eko", Now));
    }

    [Fact]
    public async Task Wrong_passwords_from_two_processes_at_once_are_each_counted()
    {
        var first = (await OpenAsync()).Users;
        var second = (await OpenAsync()).Users;
        await first.AddAsync(User("sari"));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).FailedSignInAsync("sari", 100, Now)));

        Assert.Equal(8, (await first.GetAsync("sari"))!.FailedAttempts);
    }

    [Fact]
    public async Task A_token_is_found_by_its_hash_records_its_use_and_is_revoked_once()
    {
        var tokens = (await OpenAsync()).Tokens;
        var ci = new ApiToken("a1b2c3d4", "ci", DashboardRole.Viewer, new string('a', 64), Now, null, null);
        await tokens.AddAsync(ci);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await tokens.AddAsync(ci with { Id = "e5f6a7b8", Name = "ops", Role = DashboardRole.Operator, Hash = new string('b', 64), Created = Now });

        Assert.Equal(ci, await tokens.FindAsync(new string('a', 64)));
        Assert.Null(await tokens.FindAsync(new string('c', 64)));
        Assert.Equal(["ci", "ops"], (await tokens.ListAsync()).Select(t => t.Name));

        await tokens.UsedAsync("a1b2c3d4", Now);
        Assert.True(await tokens.RevokeAsync("a1b2c3d4", Now));
        Assert.False(await tokens.RevokeAsync("a1b2c3d4", Now.AddMinutes(1)));
        Assert.False(await tokens.RevokeAsync("none", Now));

        Assert.Equal(ci with { LastUsed = Now, Revoked = Now }, await tokens.FindAsync(new string('a', 64)));
    }
}
