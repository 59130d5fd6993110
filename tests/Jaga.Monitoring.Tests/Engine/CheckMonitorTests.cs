using Jaga.Core.Monitoring;

namespace Jaga.Monitoring.Tests.Engine;

/// <summary>The check monitor as the daemon runs it: verdicts, states kept in the store, one log line and audit entry per
/// state change, alerts by the check's rule (after N, reminders, recovery), holds by depends_on and maintenance windows.</summary>
public sealed class CheckMonitorTests
{
    private const string Web = """
          checks:
            - name: web
              http: http://127.0.0.1:9/health
              every: 30s
              expect: ["[STATUS] == 200"]
              alert: { after: 2, recover_after: 1, remind_every: 5m, notify: [oncall], runbook: restart-web }
        """;

    [Fact]
    public async Task A_failing_check_goes_down_after_its_count_alerts_once_reminds_and_recovers_with_one_line_per_change()
    {
        await using var w = await MonitorWorld.CreateAsync(Web + RunbookSection);

        await w.RunAsync("web", up: true);
        await w.RunAsync("web", up: false);            // one failure: not down yet
        Assert.Empty(w.Alerts.Sent);
        await w.RunAsync("web", up: false);            // second failure: down, one alert
        await w.RunAsync("web", up: false, then: TimeSpan.FromMinutes(5));
        await w.RunAsync("web", up: false);            // five minutes after the alert: a reminder
        await w.RunAsync("web", up: false);
        await w.RunAsync("web", up: true);             // recovery

        Assert.Equal([("web", AlertKind.Down), ("web", AlertKind.Reminder), ("web", AlertKind.Recovery)], w.Alerts.Kinds());
        var down = w.Alerts.Sent.First();
        Assert.Equal("[STATUS] == 200 failed: [STATUS] was 503", down.Reason);
        Assert.Equal(["oncall"], down.Channels);
        Assert.Equal("restart-web", down.Runbook);
        Assert.Equal("shop", down.Project);

        var lines = w.LogLines();
        Assert.Single(lines, l => l.Contains("[INFO] Check web is up: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[ERROR] Check web is DOWN: [STATUS] == 200 failed: [STATUS] was 503", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[INFO] Check web is up again after 6m: ", StringComparison.Ordinal));
        Assert.Equal(3, lines.Length);

        var state = Assert.Single(await w.Store.Checks.StatesAsync());
        Assert.Equal(CheckStatus.Up, state.Status);
        await w.Results.FlushAsync(CancellationToken.None);
        Assert.Equal(7, (await w.Store.Checks.RecentAsync("web", 100)).Count);
    }

    [Fact]
    public async Task A_restarted_monitor_reads_the_state_from_the_store_and_neither_repeats_the_alert_nor_forgets_the_outage()
    {
        await using var w = await MonitorWorld.CreateAsync(Web + RunbookSection);
        await w.RunAsync("web", up: false);
        await w.RunAsync("web", up: false);
        Assert.Single(w.Alerts.Sent);

        w.NewMonitor();
        await w.RunAsync("web", up: false);
        Assert.Single(w.Alerts.Sent);
        await w.RunAsync("web", up: true);
        Assert.Equal([AlertKind.Down, AlertKind.Recovery], w.Alerts.Kinds().Select(k => k.Kind));
    }

    [Fact]
    public async Task While_a_parent_is_down_its_child_goes_down_without_an_alert_and_the_hold_is_logged_once()
    {
        await using var w = await MonitorWorld.CreateAsync("""
              checks:
                - name: db
                  tcp: 127.0.0.1:9
                  alert: { after: 1, notify: [oncall] }
                - name: web
                  http: http://127.0.0.1:9/health
                  depends_on: [db]
                  alert: { after: 1, notify: [oncall] }
            """);
        w.Probe("db").Up = false;
        await w.Monitor.RunAsync(w.Plan.Plan.Monitoring.Checks[0], CancellationToken.None);
        await w.RunAsync("web", up: false);
        await w.RunAsync("web", up: false);

        Assert.Equal([("db", AlertKind.Down)], w.Alerts.Kinds());
        var lines = w.LogLines();
        Assert.Single(lines, l => l.Contains("[WARN] Alert for web held back: check db it depends on is failing", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("[ERROR] Check web is DOWN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_maintenance_window_holds_the_alert_and_says_so_in_the_log()
    {
        // The fake clock starts at 02:00 UTC = 09:00 in Jakarta: the window opens at 09:00 for an hour.
        await using var w = await MonitorWorld.CreateAsync(Web + "\n" + """
              maintenance:
                - { name: deploy, schedule: "0 9 * * *", duration: 1h }
            """ + RunbookSection);
        await w.RunAsync("web", up: false);
        await w.RunAsync("web", up: false);

        Assert.Empty(w.Alerts.Sent);
        Assert.Single(w.LogLines(), l => l.Contains("[WARN] Alert for web held back: maintenance window deploy", StringComparison.Ordinal));
        var audit = new List<string>();
        await foreach (var e in w.Store.ReadAsync()) audit.Add(e.Kind);
        Assert.Equal(["monitor.state", "alert.held"], audit);
    }

    /// <summary>The runbook the alert names must exist in the plan.</summary>
    private const string RunbookSection = "\nemergency:\n  runbooks:\n    - name: restart-web\n      steps: [{ run: \"true\" }]\n";
}
