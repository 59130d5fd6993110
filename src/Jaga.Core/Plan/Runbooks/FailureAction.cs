namespace Jaga.Core.Plan;

/// <summary>The kinds of <see cref="StepFailure"/>.</summary>
public enum FailureAction
{
    Stop,
    Continue,
    Runbook,
}
