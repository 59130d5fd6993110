namespace Jaga.Core.Monitoring;

/// <summary>What one result means for alerting.</summary>
/// <param name="Next">The state to keep for the next result.</param>
/// <param name="Change">The status change this result caused, if any.</param>
/// <param name="Send">The alert to deliver now, if any.</param>
/// <param name="Held">Set when a down alert was due but held back (so the engine logs "held" and why); null otherwise.</param>
public sealed record AlertDecision(CheckState Next, StatusChange? Change, AlertMessage? Send, AlertHold? Held);
