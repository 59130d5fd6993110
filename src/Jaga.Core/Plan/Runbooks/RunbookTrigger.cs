namespace Jaga.Core.Plan;

/// <summary>What starts a runbook by itself: one of <see cref="CheckTrigger"/>, <see cref="BackupTrigger"/>,
/// <see cref="HeartbeatTrigger"/>, chosen by the key that names it. A runbook without one is started by hand.</summary>
public abstract record RunbookTrigger;
