using System.Reflection;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Dashboard.Tests;

/// <summary>A right password that arrives while another process locks the user (between the desk reading the user and
/// counting the success) is refused: the store starts the count again only while no lock holds.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SignInRaceTests : IAsyncLifetime
{
    private DashboardSite site = null!;

    public async Task InitializeAsync() => site = await DashboardSite.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task A_lock_set_between_the_read_and_the_success_refuses_the_right_password()
    {
        await site.AddUserAsync("sari", DashboardRole.Operator);
        var store = site.Store;
        var desk = new SignInDesk(Over(site.Feed, "get_Store",
            Over<IStateStore>(store, "get_Users", new LockedAfterRead(store.Users, site.Clock))), site.Clock);

        var outcome = await desk.SignInAsync("sari", DashboardSite.Password, "127.0.0.1", CancellationToken.None);

        Assert.Null(outcome.User);
        Assert.Equal(site.Clock.GetUtcNow() + SignInDesk.LockFor, outcome.LockedUntil);
        Assert.NotNull((await store.Users.GetAsync("sari"))!.LockedUntil);
        Assert.DoesNotContain(site.LogLines(), l => l.Contains("sari signed in", StringComparison.Ordinal));
    }

    /// <summary>The real users of the store; right after the first read, another "process" counts enough wrong passwords to
    /// lock the user.</summary>
    private sealed class LockedAfterRead(IDashboardUsers inner, TimeProvider clock) : IDashboardUsers
    {
        private bool locked;

        public async Task<DashboardUser?> GetAsync(string name, CancellationToken ct = default)
        {
            var user = await inner.GetAsync(name, ct);
            if (locked) return user;
            locked = true;
            for (var i = 0; i < SignInDesk.Limit; i++) await inner.FailedSignInAsync(name, SignInDesk.Limit, clock.GetUtcNow() + SignInDesk.LockFor, ct);
            return user;
        }

        public Task<bool> AddAsync(DashboardUser user, CancellationToken ct = default) => inner.AddAsync(user, ct);

        public Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken ct = default) => inner.ListAsync(ct);

        public Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken ct = default) => inner.SetPasswordAsync(name, passwordHash, ct);

        public Task<bool> RemoveAsync(string name, CancellationToken ct = default) => inner.RemoveAsync(name, ct);

        public Task<DashboardUser?> FailedSignInAsync(string name, int limit, DateTimeOffset lockUntil, CancellationToken ct = default) =>
            inner.FailedSignInAsync(name, limit, lockUntil, ct);

        public Task<bool> SignedInAsync(string name, DateTimeOffset now, CancellationToken ct = default) => inner.SignedInAsync(name, now, ct);
    }

    private static T Over<T>(T inner, string getter, object replaced) where T : class
    {
        var proxy = DispatchProxy.Create<T, Proxy<T>>();
        ((Proxy<T>)(object)proxy).Set(inner, getter, replaced);
        return proxy;
    }

    /// <summary>An object that answers every member as <c>inner</c> does, except one getter, which returns <c>replaced</c>.</summary>
#pragma warning disable CA1812 // made by DispatchProxy.Create
    public class Proxy<T> : DispatchProxy where T : class
#pragma warning restore CA1812
    {
        private T inner = null!;
        private string getter = "";
        private object replaced = null!;

        internal void Set(T over, string name, object value) => (inner, getter, replaced) = (over, name, value);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == getter ? replaced : targetMethod.Invoke(inner, args);
    }
}
