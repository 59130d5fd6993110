using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A heartbeat ping that changed its check's state (a ping that changes nothing is stored, not logged).</summary>
/// <param name="Check">The heartbeat check.</param>
/// <param name="Ping">What it said: ok, start, fail, exit N.</param>
/// <param name="Via">Where it came from.</param>
/// <param name="Failing">True for a failure or a non-zero exit (a WARN line).</param>
/// <param name="Was">The heartbeat's state before the ping (waiting, up, started, late, failed, down).</param>
/// <param name="Now">Its state after.</param>
public sealed record PingReceived(string Check, string Ping, string Via, bool Failing, string? Was = null, string? Now = null)
    : JournalEvent("monitoring.ping", "ping.received", Failing ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments =>
        [Check, Ping, Via, Was is not null && Now is not null ? new Phrase("ping.change", [Was, Now]) : ""];
}
