namespace Jaga.Core.Plan;

/// <summary>Waits until a check passes (<c>wait_for:</c>), at most its timeout.</summary>
public sealed record WaitStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, WaitFor WaitFor) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "wait_for";
}
