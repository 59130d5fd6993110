namespace Jaga.Core.Plan;

/// <summary>Runs a command (<c>run:</c>): a text through <c>/bin/sh -c</c>, or a program with arguments.</summary>
public sealed record CommandStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, RunCommand Run) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "run";
}
