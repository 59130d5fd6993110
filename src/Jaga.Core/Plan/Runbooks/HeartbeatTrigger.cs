namespace Jaga.Core.Plan;

/// <summary>A heartbeat check (<paramref name="Heartbeat"/> names it) whose ping did not come in time.</summary>
public sealed record HeartbeatTrigger(string Heartbeat) : RunbookTrigger;
