using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Engine.Journal;
using Jaga.Postgres;
using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Incidents;

/// <summary>Two nodes, each its own store instance (its own connection pool) and maintenance log, on one real PostgreSQL
/// database, see the same checks go down at the same moment: each outage opens one incident, numbered without gaps, and only
/// the node whose opening won writes "Incident #N opened".</summary>
[Trait("Category", "Integration")]
public sealed class PostgresIncidentRaceTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jaga-incident-race-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Two_nodes_racing_on_one_PostgreSQL_store_open_one_incident_per_outage_and_one_opened_line()
    {
        var url = await server.CreateDatabaseAsync();
        var clock = TimeProvider.System;
        await using var storeA = await PostgresStateStore.OpenAsync(url, clock);
        await using var storeB = await PostgresStateStore.OpenAsync(url, clock);
        var a = Node("a", storeA);
        var b = Node("b", storeB);
        const int Outages = 8;

        for (var n = 0; n < Outages; n++)
        {
            var check = $"api{n}";
            var both = await Task.WhenAll(
                Task.Run(async () => await a.Log.CheckDownAsync(check, "HTTP 503", CancellationToken.None)),
                Task.Run(async () => await b.Log.CheckDownAsync(check, "HTTP 503", CancellationToken.None)));
            await a.Log.RecordOpenedAsync(both[0], null, CancellationToken.None);
            await b.Log.RecordOpenedAsync(both[1], null, CancellationToken.None);
            Assert.Single(both, o => o.Opened);
            Assert.Equal(both[0].Incident.Id, both[1].Incident.Id);
        }

        var incidents = await storeA.Incidents.ListAsync(false, 100);
        Assert.Equal(Enumerable.Range(1, Outages).Select(i => (long)i), incidents.Select(i => i.Id).Order());
        var opened = a.Lines().Concat(b.Lines()).Where(l => l.Contains("opened", StringComparison.Ordinal)).ToList();
        Assert.Equal(Outages, opened.Count);
        Assert.Equal(Outages, opened.Distinct(StringComparer.Ordinal).Count());
        foreach (var incident in incidents)
        {
            var timeline = await storeB.Incidents.TimelineAsync(incident.Id);
            Assert.Equal(2, timeline.Count(e => e.Kind == IncidentEventKind.CheckFailed));
            Assert.Equal(["a", "b"], timeline.Where(e => e.Kind == IncidentEventKind.CheckFailed).Select(e => e.Node!).Order(StringComparer.Ordinal));
        }
    }

    private (IncidentLog Log, Func<string[]> Lines) Node(string name, IStateStore store)
    {
        var yaml = $"version: 1\nproject: shop\ntimezone: UTC\nlog: {{ file: logs/{name}.log }}\nscheduler: {{ node: {name} }}\n";
        var loaded = PlanLoader.Load(yaml, "jaga.yaml", folder, new PlanWorld(_ => null, _ => null));
        Assert.True(loaded.Ok, string.Join('\n', loaded.Errors));
        var journal = new MaintenanceJournal(store, loaded.Plan!, TimeProvider.System, "race-test") { Waits = TimeProvider.System };
        return (new IncidentLog(store.Incidents, journal, TimeProvider.System), () => File.Exists(journal.LogPath) ? File.ReadAllLines(journal.LogPath) : []);
    }
}
