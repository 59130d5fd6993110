using Jaga.Core.Emergency;
using Jaga.Core.Ports;
using Xunit;

namespace Jaga.Stores.Tests;

/// <summary>Incidents (one open per key, acknowledged once, closed once, with a timeline) and restore drills.</summary>
public abstract partial class EmergencyContract
{
    private async Task<IIncidents> IncidentsAsync() => (await OpenAsync()).Incidents;

    [Fact]
    public async Task A_key_has_one_open_incident_and_opening_it_again_returns_that_one()
    {
        var incidents = await IncidentsAsync();
        Clock.Advance(TimeSpan.FromTicks(5_555)); // sub-millisecond ticks, which the store drops
        var at = Ms(Now);

        var (opened, api) = await incidents.OpenAsync("check:api", "api is down: HTTP 503", "alert", Now, "node-a");
        Clock.Advance(TimeSpan.FromSeconds(30));
        var (again, same) = await incidents.OpenAsync("check:api", "api is still down", "alert", Now, "node-b");
        var (other, db) = await incidents.OpenAsync("backup:db", "backup db failed", "alice", Now, "node-b");

        var expected = new Incident(1, "check:api", "api is down: HTTP 503", "alert", at, "node-a", null, null, null, null, null);
        Assert.True(opened);
        Assert.Equal(expected, api);
        Assert.False(again);
        Assert.Equal(expected, same);
        Assert.True(other);
        Assert.Equal(2, db.Id);
        Assert.Equal(expected, await incidents.GetAsync(1));
        Assert.Equal(expected, await incidents.FindOpenAsync("check:api"));
        Assert.Null(await incidents.FindOpenAsync("check:web"));
        Assert.Null(await incidents.GetAsync(3));
        Assert.Equal([new IncidentEvent(1, at, IncidentEventKind.Opened, "api is down: HTTP 503", "node-a")], await incidents.TimelineAsync(1));
    }

    [Fact]
    public async Task A_closed_incident_stays_closed_and_the_key_opens_a_new_one_with_the_next_number()
    {
        var incidents = await IncidentsAsync();
        var (_, first) = await incidents.OpenAsync("check:api", "api is down", "alert", Now, "node-a");
        Clock.Advance(TimeSpan.FromMinutes(12));
        var closed = Now;

        Assert.True(await incidents.CloseAsync(first.Id, closed, "jaga", "recovered: 3 checks passed"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await incidents.CloseAsync(first.Id, Now, "alice", "again"));
        var (opened, second) = await incidents.OpenAsync("check:api", "api is down again", "alert", Now, "node-a");

        var closedFirst = first with { ClosedAt = closed, ClosedBy = "jaga", CloseNote = "recovered: 3 checks passed" };
        Assert.Equal(closedFirst, await incidents.GetAsync(first.Id));
        Assert.Equal(TimeSpan.FromMinutes(12), closedFirst.TimeToRecover);
        Assert.True(opened);
        Assert.Equal(2, second.Id);
        Assert.Equal(second, await incidents.FindOpenAsync("check:api"));
        Assert.Equal(new IncidentEvent(first.Id, closed, IncidentEventKind.Closed, "jaga: recovered: 3 checks passed", null),
            (await incidents.TimelineAsync(first.Id))[^1]);
        Assert.True(await incidents.CloseAsync(second.Id, Now, "alice", null));
        Assert.Equal("alice", (await incidents.TimelineAsync(second.Id))[^1].Text);
    }

    [Fact]
    public async Task Only_the_first_acknowledgement_counts()
    {
        var incidents = await IncidentsAsync();
        var (_, incident) = await incidents.OpenAsync("check:api", "api is down", "alert", Now, "node-a");
        Clock.Advance(TimeSpan.FromMinutes(4));
        var acknowledged = Now;

        Assert.True(await incidents.AcknowledgeAsync(incident.Id, "alice", acknowledged));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(await incidents.AcknowledgeAsync(incident.Id, "bob", Now));
        Assert.False(await incidents.AcknowledgeAsync(99, "bob", Now));

        var read = await incidents.GetAsync(incident.Id);
        Assert.Equal(incident with { AcknowledgedAt = acknowledged, AcknowledgedBy = "alice" }, read);
        Assert.Equal(TimeSpan.FromMinutes(4), read!.TimeToAcknowledge);
        Assert.Null(read.TimeToRecover);
        Assert.Equal(
            [IncidentEventKind.Opened, IncidentEventKind.Acknowledged],
            (await incidents.TimelineAsync(incident.Id)).Select(e => e.Kind));
        Assert.Equal(new IncidentEvent(incident.Id, acknowledged, IncidentEventKind.Acknowledged, "alice", null), (await incidents.TimelineAsync(incident.Id))[^1]);
    }

    [Fact]
    public async Task The_timeline_is_in_time_order_and_lines_of_one_millisecond_keep_the_order_they_were_added_in()
    {
        var incidents = await IncidentsAsync();
        var t0 = Now;
        var (_, incident) = await incidents.OpenAsync("check:api", "api is down", "alert", t0, "node-a");
        var (_, other) = await incidents.OpenAsync("check:web", "web is down", "alert", t0, "node-a");

        await incidents.AddEventAsync(incident.Id, t0.AddSeconds(20), IncidentEventKind.RunStarted, "run 0000000a of restart", "node-a");
        await incidents.AddEventAsync(incident.Id, t0.AddSeconds(5), IncidentEventKind.AlertSent, "ops-mail", "node-b");
        await incidents.AddEventAsync(incident.Id, t0.AddSeconds(20), IncidentEventKind.StepStarted, "1 restart api", "node-a");
        await incidents.AddEventAsync(incident.Id, t0.AddSeconds(1), IncidentEventKind.CheckFailed, "HTTP 503", "node-a");
        await incidents.AddEventAsync(other.Id, t0.AddSeconds(2), IncidentEventKind.Note, "unrelated", "node-a");

        Assert.Equal(
            [
                new IncidentEvent(incident.Id, t0, IncidentEventKind.Opened, "api is down", "node-a"),
                new IncidentEvent(incident.Id, t0.AddSeconds(1), IncidentEventKind.CheckFailed, "HTTP 503", "node-a"),
                new IncidentEvent(incident.Id, t0.AddSeconds(5), IncidentEventKind.AlertSent, "ops-mail", "node-b"),
                new IncidentEvent(incident.Id, t0.AddSeconds(20), IncidentEventKind.RunStarted, "run 0000000a of restart", "node-a"),
                new IncidentEvent(incident.Id, t0.AddSeconds(20), IncidentEventKind.StepStarted, "1 restart api", "node-a"),
            ],
            await incidents.TimelineAsync(incident.Id));
        Assert.Equal("alertsent", await ScalarAsync($"SELECT kind FROM incident_events WHERE text = 'ops-mail'"));
    }

    [Fact]
    public async Task Incidents_are_listed_newest_first_all_or_only_the_open_ones_up_to_the_limit_with_their_figures()
    {
        var incidents = await IncidentsAsync();
        var (_, a) = await incidents.OpenAsync("check:a", "a", "alert", Now, "node-a");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, b) = await incidents.OpenAsync("check:b", "b", "alert", Now, "node-a");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (_, c) = await incidents.OpenAsync("check:c", "c", "alert", Now, "node-a");
        await incidents.AcknowledgeAsync(a.Id, "alice", Now);  // 2 minutes after a
        await incidents.CloseAsync(a.Id, Now.AddMinutes(8), "jaga", null); // 10 minutes after a
        await incidents.CloseAsync(c.Id, Now.AddMinutes(20), "jaga", null);

        var all = await incidents.ListAsync(openOnly: false, 10);

        Assert.Equal([c.Id, b.Id, a.Id], all.Select(i => i.Id));
        Assert.Equal([b.Id], (await incidents.ListAsync(openOnly: true, 10)).Select(i => i.Id));
        Assert.Equal([c.Id, b.Id], (await incidents.ListAsync(openOnly: false, 2)).Select(i => i.Id));
        Assert.Equal(new IncidentFigures(3, 1, 2, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15)), IncidentFigures.Of(all));
    }

    [Fact]
    public async Task Drills_are_recorded_and_the_last_and_the_last_successful_of_a_job_read_back_equal()
    {
        var drills = (await OpenAsync()).Drills;
        Assert.Null(await drills.LastAsync("db"));
        Assert.Null(await drills.LastSuccessfulAsync("db"));
        var good = new DrillResult("db", "20251115T010000Z-3f2a", Now, Now.AddSeconds(83), DrillOutcome.Succeeded,
            TimeSpan.FromMilliseconds(83_417), TimeSpan.FromHours(5) + TimeSpan.FromMilliseconds(12), "row counts match the manifest", "node-a");
        var other = good with { Job = "files", StartedAt = Now.AddHours(1), EndedAt = Now.AddHours(1).AddSeconds(5) };
        var bad = new DrillResult("db", null, Now.AddHours(2), Now.AddHours(2).AddSeconds(1), DrillOutcome.Failed, null, null,
            "no verified backup of db", "node-b");

        await drills.RecordAsync(good);
        await drills.RecordAsync(other);
        await drills.RecordAsync(bad);

        Assert.Equal(bad, await drills.LastAsync("db"));
        Assert.Equal(good, await drills.LastSuccessfulAsync("db"));
        Assert.Equal(other, await drills.LastSuccessfulAsync("files"));
        Assert.Equal([bad, good], await drills.ListAsync("db", 10));
        Assert.Equal([bad, other, good], await drills.ListAsync(null, 10));
        Assert.Equal([bad], await drills.ListAsync(null, 1));
        Assert.Equal("failed", await ScalarAsync("SELECT outcome FROM drills WHERE backup_id IS NULL"));
    }
}
