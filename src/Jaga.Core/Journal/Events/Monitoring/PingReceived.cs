using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A heartbeat ping that changed its check's state (a ping that changes nothing is stored, not logged).</summary>
/// <param name="Check">The heartbeat check.</param>
/// <param name="Ping">What it said: ok, start, fail, exit N.</param>
/// <param name="Via">Where it came from.</param>
/// <param name="Failing">True for a failure or a non-zero exit (a WARN line).</param>
public sealed record PingReceived(string Check, string Ping, string Via, bool Failing) : JournalEvent("monitoring.ping", "ping.received", Failing ? Severity.Warn : Severity.Info)
{
    /// <summary>The heartbeat's state before and after the ping (waiting, up, started, late, failed, down).</summary>
    public (string Was, string Now)? Change { get; init; }

    public override IReadOnlyList<object?> Arguments => [Check, Ping, Via, Change is { } c ? new Phrase("ping.change", [c.Was, c.Now]) : ""];
}
