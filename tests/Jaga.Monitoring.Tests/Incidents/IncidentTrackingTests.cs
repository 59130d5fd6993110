using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Incidents;
using Jaga.Monitoring.Tests.Engine;

namespace Jaga.Monitoring.Tests.Incidents;

/// <summary>Incidents as the check monitor opens and closes them, over a real SQLite store and journal with a fake clock: one
/// per outage (a restart or a second tracker does not open another), the failure, the alerts and the recovery on its
/// timeline, one log line for opening and one for closing.</summary>
public sealed class IncidentTrackingTests
{
    private const string Api = """
          checks:
            - name: api
              http: http://127.0.0.1:9/health
              every: 30s
              expect: ["[STATUS] == 200"]
              alert: { after: 2, remind_every: 5m, notify: [oncall] }
        """;

    [Fact]
    public async Task A_check_going_down_opens_one_incident_with_the_failure_and_the_alert_and_its_recovery_closes_it()
    {
        await using var w = await MonitorWorld.CreateAsync(Api);
        var incidents = w.TrackIncidents();

        await w.RunAsync("api", up: true);
        await w.RunAsync("api", up: false);
        Assert.Empty(await w.Store.Incidents.ListAsync(false, 10));
        var downAt = w.Clock.GetUtcNow();
        await w.RunAsync("api", up: false, then: TimeSpan.FromSeconds(2));
        // What the dispatcher does once the down alert is delivered.
        await incidents.AlertAsync(w.Alerts.Sent.Single(), "oncall", "webhook", null, CancellationToken.None);
        w.Clock.Advance(TimeSpan.FromMinutes(3));
        await w.RunAsync("api", up: false);
        var upAt = w.Clock.GetUtcNow();
        await w.RunAsync("api", up: true);

        var incident = Assert.Single(await w.Store.Incidents.ListAsync(false, 10));
        Assert.Equal(("check:api", "Check api is down", "alert", downAt), (incident.Key, incident.Title, incident.Source, incident.OpenedAt));
        Assert.Equal((upAt, IncidentLog.Jaga), (incident.ClosedAt, incident.ClosedBy));
        var timeline = await w.Store.Incidents.TimelineAsync(incident.Id);
        Assert.Equal(
            [IncidentEventKind.Opened, IncidentEventKind.CheckFailed, IncidentEventKind.AlertSent, IncidentEventKind.Recovered, IncidentEventKind.Closed],
            timeline.Select(e => e.Kind));
        Assert.Equal("[STATUS] == 200 failed: [STATUS] was 503", timeline[1].Text);
        Assert.Equal("down → oncall (webhook)", timeline[2].Text);
        var lines = w.LogLines();
        Assert.Single(lines, l => l.Contains("[WARN] Incident #1 opened: Check api is down (check:api)", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[INFO] Incident #1 closed by jaga after 3m32s", StringComparison.Ordinal));
        // The check's own line comes first, then the incident's.
        Assert.True(Array.FindIndex(lines, l => l.Contains("Check api is DOWN", StringComparison.Ordinal))
            < Array.FindIndex(lines, l => l.Contains("Incident #1 opened", StringComparison.Ordinal)));

        // The recovery alert, delivered after the close, still goes on that incident's timeline.
        await incidents.AlertAsync(w.Alerts.Sent.Last(), "oncall", "email", "connection refused", CancellationToken.None);
        var last = (await w.Store.Incidents.TimelineAsync(incident.Id))[^1];
        Assert.Equal((IncidentEventKind.AlertFailed, "recovery → oncall (email): connection refused"), (last.Kind, last.Text));
    }

    [Fact]
    public async Task A_restart_during_the_outage_opens_no_second_incident_and_the_recovery_after_it_closes_the_first()
    {
        await using var w = await MonitorWorld.CreateAsync(Api);
        w.TrackIncidents();
        await w.RunAsync("api", up: false);
        await w.RunAsync("api", up: false);

        w.TrackIncidents(); // a new monitor and incident log over the same store
        await w.RunAsync("api", up: false);
        await w.RunAsync("api", up: false, then: TimeSpan.FromMinutes(6));
        await w.RunAsync("api", up: false); // a reminder: still the same incident
        await w.RunAsync("api", up: true);

        var incident = Assert.Single(await w.Store.Incidents.ListAsync(false, 10));
        Assert.False(incident.Open);
        Assert.Single(w.LogLines(), l => l.Contains("Incident #1 opened", StringComparison.Ordinal));
        Assert.Single(w.LogLines(), l => l.Contains("Incident #1 closed by jaga", StringComparison.Ordinal));
        Assert.Single(await w.Store.Incidents.TimelineAsync(incident.Id), e => e.Kind == IncidentEventKind.CheckFailed);
    }

    [Fact]
    public async Task Two_trackers_on_one_store_seeing_the_same_outage_open_one_incident_and_one_line()
    {
        await using var w = await MonitorWorld.CreateAsync(Api);
        var a = new IncidentLog(w.Store.Incidents, w.Journal, w.Clock);
        var b = new IncidentLog(w.Store.Incidents, w.Journal, w.Clock);

        var openings = await Task.WhenAll(
            Task.Run(() => a.CheckDownAsync("api", "HTTP 503", CancellationToken.None)),
            Task.Run(() => b.CheckDownAsync("api", "HTTP 502", CancellationToken.None)));
        await a.RecordOpenedAsync(openings[0], null, CancellationToken.None);
        await b.RecordOpenedAsync(openings[1], null, CancellationToken.None);

        Assert.Single(openings, o => o.Opened);
        Assert.Equal(openings[0].Incident.Id, openings[1].Incident.Id);
        Assert.Single(await w.Store.Incidents.ListAsync(false, 10));
        Assert.Single(w.LogLines(), l => l.Contains("opened", StringComparison.Ordinal));
        Assert.Equal(2, (await w.Store.Incidents.TimelineAsync(openings[0].Incident.Id)).Count(e => e.Kind == IncidentEventKind.CheckFailed));
    }

    [Fact]
    public async Task A_check_that_notifies_nobody_opens_one_too_but_one_held_by_a_maintenance_window_does_not()
    {
        await using var w = await MonitorWorld.CreateAsync("""
              checks:
                - { name: quiet, command: "true", every: 30s, alert: { after: 1 } }
                - { name: web, command: "true", every: 30s, alert: { after: 1, notify: [oncall] } }
              maintenance:
                - { name: deploy, schedule: "0 9 * * *", duration: 1h, checks: [web] }
            """);
        w.TrackIncidents();

        await w.RunAsync("quiet", up: false);
        await w.RunAsync("web", up: false);

        var incident = Assert.Single(await w.Store.Incidents.ListAsync(false, 10));
        Assert.Equal("check:quiet", incident.Key);
    }

    [Fact]
    public async Task Every_act_writes_one_line_and_the_secrets_of_the_plan_are_masked_on_the_timeline()
    {
        await using var w = await MonitorWorld.CreateAsync(Api);
        var log = new IncidentLog(w.Store.Incidents, w.Journal, w.Clock);

        var (opened, incident) = await log.OpenByHandAsync("Checkout is slow", null, "rina", CancellationToken.None);
        var (again, same) = await log.OpenByHandAsync("Checkout is slow", null, "budi", CancellationToken.None);
        w.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await log.AcknowledgeAsync(incident, "budi", CancellationToken.None));
        Assert.False(await log.AcknowledgeAsync(incident, "rina", CancellationToken.None));
        await log.AddEventAsync(incident.Id, IncidentEventKind.RunStarted, "run 0000000a of restart", CancellationToken.None);
        w.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await log.CloseAsync(incident, "rina", "rolled back", CancellationToken.None));
        Assert.False(await log.CloseAsync(incident, "rina", "again", CancellationToken.None));

        Assert.True(opened);
        Assert.False(again);
        Assert.Equal(incident.Id, same.Id);
        Assert.Equal("rina", incident.Source);
        var lines = w.LogLines();
        Assert.Equal(3, lines.Length);
        Assert.Contains("Incident #1 opened: Checkout is slow (manual:Checkout is slow)", lines[0], StringComparison.Ordinal);
        Assert.Contains("Incident #1 acknowledged by budi after 4m", lines[1], StringComparison.Ordinal);
        Assert.Contains("Incident #1 closed by rina after 10m; note: rolled back", lines[2], StringComparison.Ordinal);
        var actors = new List<string>();
        await foreach (var e in w.Store.ReadAsync()) actors.Add(e.Actor);
        Assert.Equal(["rina", "budi", "rina"], actors);
        Assert.Equal(
            [IncidentEventKind.Opened, IncidentEventKind.Acknowledged, IncidentEventKind.RunStarted, IncidentEventKind.Closed],
            (await w.Store.Incidents.TimelineAsync(incident.Id)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_store_that_cannot_open_the_incident_does_not_keep_the_down_alert_from_going_out()
    {
        await using var w = await MonitorWorld.CreateAsync(Api);
        w.TrackIncidents();
        await w.RunAsync("api", up: false);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(w.Folder, "state.db")};Pooling=False"))
        {
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "DROP TABLE incident_events; DROP TABLE incidents;";
            drop.ExecuteNonQuery();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => w.RunAsync("api", up: false));

        Assert.Equal([("api", Core.Monitoring.AlertKind.Down)], w.Alerts.Kinds());
    }
}
