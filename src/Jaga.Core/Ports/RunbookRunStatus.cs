namespace Jaga.Core.Ports;

/// <summary>Where a runbook run stands. Stored as the member name in lower case (<c>waitingapproval</c>), as the job ledger's
/// outcomes are. <see cref="Running"/> and <see cref="WaitingApproval"/> are active (a node drives the run under a lease); the
/// others have ended, and of those <see cref="Failed"/> and <see cref="Interrupted"/> can be resumed.</summary>
public enum RunbookRunStatus { Running, WaitingApproval, Succeeded, Failed, Interrupted, Cancelled }
