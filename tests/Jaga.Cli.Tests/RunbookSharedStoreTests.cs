using Jaga.Testing;

namespace Jaga.Cli.Tests;

/// <summary>Two nodes on one PostgreSQL state store (a real server) start the runbook of the same incident at the same
/// moment: it runs once.</summary>
[Trait("Category", "Integration")]
public sealed class RunbookSharedStoreTests(PostgresServer pg) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Two_nodes_starting_an_incidents_runbook_at_once_run_it_once()
    {
        var state = await pg.CreateDatabaseAsync();
        await using var a = await RunbookWorld.CreateAsync("""
                - name: r
                  steps:
                    - run: "echo $$ >> trail"
            """, env: $"STATE_URL={state}\n", sections: "state: \"${STATE_URL}\"");
        await using var b = await a.OtherNodeAsync("node-b");
        Assert.True(a.Store.Shared, a.Store.Description);
        var (_, incident) = await a.Services.Incidents.OpenByHandAsync("api down", "check:api", "tester", CancellationToken.None);

        for (var round = 0; round < 5; round++)
        {
            var (_, next) = round == 0 ? (true, incident) : await a.Services.Incidents.OpenByHandAsync($"api down {round}", $"check:api{round}", "tester", CancellationToken.None);
            var both = await Task.WhenAll(
                Task.Run(() => a.Executor.StartForIncidentAsync(a.Runbook("r"), "check:api", next.Id, null, CancellationToken.None)),
                Task.Run(() => b.Executor.StartForIncidentAsync(b.Runbook("r"), "check:api", next.Id, null, CancellationToken.None)));

            var ran = Assert.Single(both, o => o is not null);
            Assert.True(ran!.Succeeded, ran.Detail);
            Assert.Equal(round + 1, a.Read("trail").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        Assert.Equal(5, (await a.Store.Runbooks.ListAsync("r", 20)).Count);
    }
}
