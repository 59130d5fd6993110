using Jaga.Core.Ports;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>What the store contract suites share: a new, empty <see cref="Location"/> per test (xUnit makes a new instance
/// per test), stores opened on it with a fake clock and disposed after the test, and direct SQL on its database.</summary>
public abstract class StoreContract : IAsyncLifetime
{
    private readonly List<IStateStore> opened = [];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 11, 15, 1, 0, 0, TimeSpan.Zero));

    /// <summary>This test's store: a file path or a database URL, as the writer process takes it.</summary>
    protected string Location { get; private set; } = "";

    protected abstract Task<string> NewLocationAsync();

    protected abstract Task<IStateStore> OpenAsync(string location, TimeProvider clock);

    /// <summary>Runs SQL on the store's database directly, as someone tampering with it (or an older Jaga) would.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    protected virtual Task DeleteLocationAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => Location = await NewLocationAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in opened) await store.DisposeAsync();
        await DeleteLocationAsync();
    }

    /// <summary>Opens this test's store; it is disposed after the test.</summary>
    protected async Task<IStateStore> OpenAsync()
    {
        var store = await OpenAsync(Location, Clock);
        lock (opened) opened.Add(store);
        return store;
    }
}
