using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Heartbeats;

/// <summary>Receives heartbeat pings (healthchecks.io conventions) for the plan's <c>heartbeat</c> checks, from the HTTP
/// endpoint or <c>jaga ping</c>: each is stored for the monitoring pillar to judge, and written to the maintenance log.</summary>
public static class PingRecorder
{
    /// <summary>The heartbeat check whose URL token is <paramref name="token"/> (its <c>token</c>, else its name), or null.
    /// Compared in constant time: a token is a secret when set.</summary>
    public static HeartbeatCheck? ByToken(MaintenancePlan plan, string token)
    {
        var given = Encoding.UTF8.GetBytes(token);
        HeartbeatCheck? found = null;
        foreach (var check in plan.Monitoring.Checks.OfType<HeartbeatCheck>())
            if (check.Heartbeat is var h && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(h.Token ?? check.Name), given))
                found = check;
        return found;
    }

    public static HeartbeatCheck? ByName(MaintenancePlan plan, string name) =>
        plan.Monitoring.Checks.OfType<HeartbeatCheck>().FirstOrDefault(c => c.Name == name);

    /// <summary>Stores the ping and writes its log line: INFO for a success or start, WARN for a failure or non-zero exit code.</summary>
    public static async Task<AuditEntry> RecordAsync(MaintenanceJournal journal, Check check, PingKind kind, int? exitCode, string via, TimeProvider clock, CancellationToken ct)
    {
        if (kind == PingKind.Exit && exitCode == 0) kind = PingKind.Success;
        await journal.Store.Pings.AddPingAsync(new Ping(check.Name, kind, exitCode, clock.GetUtcNow(), via), ct);
        var what = kind switch
        {
            PingKind.Start => "start",
            PingKind.Fail => "fail",
            PingKind.Exit => "exit " + exitCode!.Value.ToString(CultureInfo.InvariantCulture),
            _ => "ok",
        };
        var failing = kind is PingKind.Fail or PingKind.Exit;
        return await journal.RecordAsync(new PingReceived(check.Name, what, via, failing)
        {
            Data = new Dictionary<string, string> { ["check"] = check.Name, ["ping"] = what, ["via"] = via },
        }, ct: ct);
    }
}
