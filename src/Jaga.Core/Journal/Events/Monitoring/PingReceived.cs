using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A heartbeat ping arrived.</summary>
/// <param name="Check">The heartbeat check.</param>
/// <param name="Ping">What it said: ok, start, fail, exit N.</param>
/// <param name="Via">Where it came from.</param>
/// <param name="Failing">True for a failure or a non-zero exit (a WARN line).</param>
public sealed record PingReceived(string Check, string Ping, string Via, bool Failing) : JournalEvent("monitoring.ping", "ping.received", Failing ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Check, Ping, Via];
}
