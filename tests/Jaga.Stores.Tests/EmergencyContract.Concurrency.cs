using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>The Emergency records under contention, from many stores at once (each with its own connections, as separate nodes
/// have), and a store written before them.</summary>
public abstract partial class EmergencyContract
{
    private const int Racers = 6;
    private const int Rounds = 12;

    private async Task<IStateStore[]> RacersAsync() => await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => OpenAsync()));

    [Fact]
    public async Task Of_nodes_racing_to_open_an_incident_for_one_key_exactly_one_opens_it_and_all_get_it_numbered_without_gaps()
    {
        var stores = await RacersAsync();

        var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, bool Opened, long Id)>();
            for (var round = 0; round < Rounds; round++)
            {
                var (opened, incident) = await store.Incidents.OpenAsync($"check:c{round}", $"c{round} is down", "alert", Now, $"node-{i}");
                mine.Add((round, opened, incident.Id));
            }
            return mine;
        })));

        foreach (var round in Enumerable.Range(0, Rounds))
        {
            var outcomes = results.Select(r => r.Single(x => x.Round == round)).ToList();
            Assert.Single(outcomes, o => o.Opened);
            Assert.Single(outcomes.Select(o => o.Id).Distinct());
            Assert.Single(await stores[0].Incidents.TimelineAsync(outcomes[0].Id));
        }
        Assert.Equal(Enumerable.Range(1, Rounds).Select(n => (long)n), (await stores[0].Incidents.ListAsync(false, 100)).Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Of_nodes_racing_to_start_an_incidents_runbook_exactly_one_starts_it_and_all_get_that_run()
    {
        var stores = await RacersAsync();
        var incidents = new List<long>();
        for (var round = 0; round < Rounds; round++)
            incidents.Add((await stores[0].Incidents.OpenAsync($"check:c{round}", "down", "alert", Now, "node-0")).Incident.Id);

        var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, bool Started, string Id)>();
            for (var round = 0; round < Rounds; round++)
            {
                var id = $"{round:x4}{i:x4}";
                var (started, run) = await store.Runbooks.StartForIncidentAsync(Start(id, incident: incidents[round], by: "jaga"), $"node-{i}", Now, Lease);
                mine.Add((round, started, run.Id));
            }
            return mine;
        })));

        foreach (var round in Enumerable.Range(0, Rounds))
        {
            var outcomes = results.Select(r => r.Single(x => x.Round == round)).ToList();
            var winner = Assert.Single(outcomes, o => o.Started);
            Assert.All(outcomes, o => Assert.Equal(winner.Id, o.Id));
        }
        Assert.Equal(Rounds, (await stores[0].Runbooks.ListAsync(null, 100)).Count);
    }

    [Fact]
    public async Task Of_nodes_racing_to_take_over_a_run_whose_driver_died_exactly_one_gets_it()
    {
        var stores = await RacersAsync();
        var runs = new List<RunbookRun>();
        for (var round = 0; round < Rounds; round++) runs.Add(await stores[0].Runbooks.StartAsync(Start($"{round:x8}"), "node-dead", Now, Lease));
        Clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(stores.Select((store, i) => Task.Run(async () =>
        {
            var mine = new List<(int Round, string? Node)>();
            for (var round = 0; round < Rounds; round++)
                mine.Add((round, (await store.Runbooks.TryTakeOverAsync(runs[round].Id, $"node-{i}", Now, Lease))?.Node));
            return mine;
        })));

        foreach (var round in Enumerable.Range(0, Rounds))
        {
            var winner = Assert.Single(results.Select(r => r.Single(x => x.Round == round)), o => o.Node is not null);
            Assert.Equal(winner.Node, (await stores[0].Runbooks.GetAsync(runs[round].Id))!.Node);
        }
    }

    [Fact]
    public async Task A_store_at_version_4_is_migrated_to_version_5_keeping_its_check_history_and_job_ledger()
    {
        var old = await OpenAsync();
        await old.Runs.TryClaimAsync("db", Now, "node-a", Now, Lease);
        await old.Checks.RecordAsync([new CheckResult("web", Now, CheckOutcome.Up, TimeSpan.FromMilliseconds(12), "HTTP 200")]);
        var before = await old.MigrationsAsync();
        // What a store written by a Jaga before the Emergency pillar looks like.
        await ExecuteSqlAsync("""
            DROP TABLE runbook_approvals; DROP TABLE runbook_steps; DROP TABLE runbook_runs; DROP TABLE incident_events;
            DROP TABLE incidents; DROP TABLE drills; DELETE FROM jaga_schema WHERE version = 5;
            """);
        Clock.Advance(TimeSpan.FromDays(30));

        var store = await OpenAsync();

        Assert.Equal([.. before.Take(4), new AppliedMigration(5, before[4].Name, Now), .. before.Skip(5)], await store.MigrationsAsync());
        Assert.Single(await store.Runs.HistoryAsync("db", 10));
        Assert.Single(await store.Checks.RecentAsync("web", 10));
        var (_, incident) = await store.Incidents.OpenAsync("check:web", "web is down", "alert", Now, "node-a");
        Assert.Equal(1, incident.Id);
        await store.Runbooks.StartForIncidentAsync(Start(incident: incident.Id), "node-a", Now, Lease);
        await store.Drills.RecordAsync(new DrillResult("db", null, Now, Now, DrillOutcome.Failed, null, null, null, "node-a"));
        Assert.Single(await store.Runbooks.ListAsync(null, 10));
    }
}
