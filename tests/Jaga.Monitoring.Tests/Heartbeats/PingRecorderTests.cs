using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Heartbeats;
using Jaga.Monitoring.Tests.Engine;

namespace Jaga.Monitoring.Tests.Heartbeats;

/// <summary>Pings as the daemon and <c>jaga ping</c> record them, against a real SQLite store and journal: only a change of
/// the check's state reaches the log and the audit chain, and the store keeps a bounded number per check.</summary>
public sealed class PingRecorderTests
{
    private const string Nightly = """
          checks:
            - name: nightly
              heartbeat: { every: 1h, grace: 10m }
        """;

    [Fact]
    public async Task A_flood_of_2000_success_pings_writes_one_log_line_and_one_audit_entry_and_keeps_100_pings()
    {
        await using var w = await MonitorWorld.CreateAsync(Nightly);
        var check = Check(w);
        var head = (await w.Store.HeadAsync())?.Seq ?? 0;

        for (var i = 0; i < 2000; i++)
        {
            await PingRecorder.RecordAsync(w.Journal, check, PingKind.Success, null, "http 10.0.0.9", w.Clock, CancellationToken.None);
            w.Clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Single(w.LogLines(), l => l.Contains("Heartbeat nightly", StringComparison.Ordinal));
        Assert.Equal(head + 1, (await w.Store.HeadAsync())!.Seq);
        var kept = await w.Store.Pings.PingsAsync("nightly", 5000);
        Assert.Equal(Ping.KeptPerCheck, kept.Count);
        // The newest is kept, so lateness is judged from the last ping, not the first.
        Assert.Equal(w.Clock.GetUtcNow() - TimeSpan.FromMilliseconds(10), kept[0].At);
    }

    [Fact]
    public async Task Each_change_of_state_is_logged_once_started_finished_failed_and_back_and_repeats_are_not()
    {
        await using var w = await MonitorWorld.CreateAsync(Nightly);
        var check = Check(w);

        var said = new List<(string Was, string Now, bool Logged)>();
        foreach (var (kind, code) in new (PingKind, int?)[]
        {
            (PingKind.Success, null), (PingKind.Success, null),         // waiting -> up, then nothing new
            (PingKind.Start, null), (PingKind.Start, null),             // up -> started, then nothing new
            (PingKind.Exit, 0),                                         // finished: started -> up
            (PingKind.Fail, null), (PingKind.Exit, 3),                  // up -> failed, still failed
            (PingKind.Success, null),                                   // back: failed -> up
        })
        {
            var o = await PingRecorder.RecordAsync(w.Journal, check, kind, code, "cli", w.Clock, CancellationToken.None);
            said.Add((o.Was, o.Now, o.Changed));
            w.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        w.Clock.Advance(TimeSpan.FromHours(2));
        var late = await PingRecorder.RecordAsync(w.Journal, check, PingKind.Success, null, "cli", w.Clock, CancellationToken.None);

        Assert.Equal(
            [("waiting", "up", true), ("up", "up", false), ("up", "started", true), ("started", "started", false),
             ("started", "up", true), ("up", "failed", true), ("failed", "failed", false), ("failed", "up", true)], said);
        Assert.Equal(("late", "up", true), (late.Was, late.Now, late.Changed));
        var lines = w.LogLines().Where(l => l.Contains("Heartbeat nightly", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, lines.Count);
        Assert.Contains("[WARN] Heartbeat nightly: fail (cli); now failed, was up", lines[3], StringComparison.Ordinal);
        Assert.Contains("[INFO] Heartbeat nightly: ok (cli); now up, was late", lines[5], StringComparison.Ordinal);
        Assert.Equal(9, (await w.Store.Pings.PingsAsync("nightly", 100)).Count);
    }

    private static HeartbeatCheck Check(MonitorWorld w) => w.Plan.Plan.Monitoring.Checks.OfType<HeartbeatCheck>().Single();
}
