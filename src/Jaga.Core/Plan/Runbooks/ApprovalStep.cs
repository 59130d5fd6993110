namespace Jaga.Core.Plan;

/// <summary>Waits until people approve (<c>approve:</c>): the question asked, and how many different people must say yes.</summary>
public sealed record ApprovalStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, Approval Approve) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "approve";
}
