using Jaga.Core.Ledger;
using Jaga.Core.Plan;

namespace Jaga.Engine.Heartbeats;

/// <summary>What one heartbeat ping did: the check's state before and after it, and the log line when it changed the state.</summary>
/// <param name="Check">The heartbeat check pinged.</param>
/// <param name="Ping">What it said: ok, start, fail, exit N.</param>
/// <param name="Via">Where it came from.</param>
/// <param name="Was">The check's state before (waiting, up, started, late, failed, down).</param>
/// <param name="Now">Its state after.</param>
/// <param name="At">When it arrived.</param>
/// <param name="Entry">The log line and audit entry, written only when the state changed; null otherwise.</param>
public sealed record PingOutcome(HeartbeatCheck Check, string Ping, string Via, string Was, string Now, DateTimeOffset At, AuditEntry? Entry)
{
    public bool Changed => Entry is not null;
}
