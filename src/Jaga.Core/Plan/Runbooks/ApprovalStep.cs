namespace Jaga.Core.Plan;

/// <summary>Waits for a person to approve (<c>approve:</c> the question asked).</summary>
public sealed record ApprovalStep(string Approve, TimeSpan? Timeout) : RunbookStep(Timeout);
