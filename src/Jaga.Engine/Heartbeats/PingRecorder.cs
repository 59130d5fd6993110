using System.Globalization;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Heartbeats;

/// <summary>Receives heartbeat pings (healthchecks.io conventions) for the plan's <c>heartbeat</c> checks, from the HTTP
/// endpoint or <c>jaga ping</c>: each is stored for the monitoring pillar to judge; one that changes the check's state
/// (started, finished, failed, back) is also written to the maintenance log and the audit chain. A repeated ping that
/// changes nothing is stored only, so a flood of pings cannot fill the log or the chain.</summary>
public static class PingRecorder
{
    /// <summary>The heartbeat check whose URL token is <paramref name="token"/> for a daemon listening on
    /// <paramref name="listen"/> (<see cref="HeartbeatCheck.PingToken"/>), or null. Every check's token is compared, each
    /// in constant time (<see cref="PingTokens.Same"/>): neither which check matched nor how close a guess came shows in
    /// the time taken.</summary>
    public static HeartbeatCheck? ByToken(MaintenancePlan plan, string listen, string token)
    {
        ArgumentNullException.ThrowIfNull(plan);
        HeartbeatCheck? found = null;
        foreach (var check in plan.Monitoring.Checks.OfType<HeartbeatCheck>())
            if (check.PingToken(listen) is { } expected && PingTokens.Same(expected, token))
                found = check;
        return found;
    }

    public static HeartbeatCheck? ByName(MaintenancePlan plan, string name) =>
        plan.Monitoring.Checks.OfType<HeartbeatCheck>().FirstOrDefault(c => c.Name == name);

    /// <summary>Stores the ping and, when it changes the check's state, writes its log line and audit entry: INFO for a
    /// success or start, WARN for a failure or non-zero exit code.</summary>
    public static async Task<PingOutcome> RecordAsync(
        MaintenanceJournal journal, HeartbeatCheck check, PingKind kind, int? exitCode, string via, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(check);
        if (kind == PingKind.Exit && exitCode == 0) kind = PingKind.Success;
        var now = clock.GetUtcNow();
        var ping = new Ping(check.Name, kind, exitCode, now, via);
        var before = await journal.Store.Pings.PingsAsync(check.Name, Ping.KeptPerCheck, ct);
        await journal.Store.Pings.AddPingAsync(ping, ct);
        // The states before and after, judged as the monitor judges them; "never pinged" counts as waiting here (the
        // monitor alone says when waiting has become down).
        var was = State(check, before, now);
        var after = State(check, [ping, .. before], now);
        var what = kind switch
        {
            PingKind.Start => "start",
            PingKind.Fail => "fail",
            PingKind.Exit => "exit " + exitCode!.Value.ToString(CultureInfo.InvariantCulture),
            _ => "ok",
        };
        if (was == after) return new PingOutcome(check, what, via, was, after, now, null);
        var failing = kind is PingKind.Fail or PingKind.Exit;
        var entry = await journal.RecordAsync(new PingReceived(check.Name, what, via, failing, was, after)
        {
            Data = new Dictionary<string, string> { ["check"] = check.Name, ["ping"] = what, ["via"] = via, ["was"] = was, ["state"] = after },
        }, ct: ct);
        return new PingOutcome(check, what, via, was, after, now, entry);
    }

    private static string State(HeartbeatCheck check, IReadOnlyList<Ping> pings, DateTimeOffset now) =>
        HeartbeatVerdict.Judge(check.Heartbeat, pings, now, now).Values["STATE"];
}
