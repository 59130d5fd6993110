namespace Jaga.Core.Plan;

/// <summary>Waits until people approve (<c>approve:</c>): the question asked, and how many different people must say yes.</summary>
public sealed record ApprovalStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, Approval Approve) : RunbookStep(Name, Timeout, OnFailure)
{
    /// <summary>The kind's word, as the plan writes it and the run record stores it.</summary>
    public const string KindWord = "approve";

    public override string Kind => KindWord;
}
