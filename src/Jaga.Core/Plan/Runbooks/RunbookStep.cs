namespace Jaga.Core.Plan;

/// <summary>One step of a runbook: one of <see cref="CommandStep"/>, <see cref="WaitStep"/>, <see cref="NotifyStep"/>,
/// <see cref="ApprovalStep"/>, <see cref="RestoreBackupStep"/>, chosen by the key that names it.</summary>
/// <param name="Timeout">How long the step may take; the runbook's default when absent.</param>
public abstract record RunbookStep(TimeSpan? Timeout);
