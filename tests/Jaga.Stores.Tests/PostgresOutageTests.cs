using Jaga.Core.Errors;
using Jaga.Postgres;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>A PostgreSQL store whose server stops: every port says so with <see cref="StoreUnavailableException"/> (the one
/// type callers retry on), and works again once the server is back. The test has a server of its own, since it stops it.</summary>
public sealed class PostgresOutageTests : IAsyncLifetime, IDisposable
{
    private readonly PostgresServer server = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 11, 15, 1, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => server.StartAsync();

    public Task DisposeAsync() => server.StopAsync();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task A_stopped_server_raises_store_unavailable_from_every_port_and_the_store_works_again_once_it_is_back()
    {
        var location = await server.CreateDatabaseAsync();
        await using var store = await PostgresStateStore.OpenAsync(location, clock);
        await store.AppendAsync(Drafts.Plain(1));

        await server.PauseAsync();

        var calls = new Func<Task>[]
        {
            () => store.HeadAsync(),
            () => store.AppendAsync(Drafts.Plain(2)),
            async () => { await foreach (var _ in store.ReadAsync()) { } },
            () => store.Backups.ListAsync(),
            () => store.Runs.TryClaimAsync("db", clock.GetUtcNow(), "node-a", clock.GetUtcNow(), TimeSpan.FromMinutes(1)),
            () => store.Nodes.NodesAsync(),
            () => store.Pings.PingsAsync("cron", 1),
            () => store.Checks.StatesAsync(),
            () => store.Runbooks.ListAsync(null, 10),
            () => store.Runbooks.TryTakeOverAsync("0000000a", "node-a", clock.GetUtcNow(), TimeSpan.FromMinutes(1)),
            () => store.Incidents.OpenAsync("check:api", "api is down", "alert", clock.GetUtcNow(), "node-a"),
            () => store.Drills.LastSuccessfulAsync("db"),
            () => PostgresStateStore.OpenAsync(location, clock),
        };
        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<StoreUnavailableException>(call);
            Assert.StartsWith("postgres://", e.Message, StringComparison.Ordinal);
            Assert.NotNull(e.InnerException);
        }

        await server.ResumeAsync();

        Assert.Equal(2, (await store.AppendAsync(Drafts.Plain(2))).Seq);
    }
}
