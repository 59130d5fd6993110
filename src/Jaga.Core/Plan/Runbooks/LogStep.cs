namespace Jaga.Core.Plan;

/// <summary>Writes a line to the maintenance log (<c>log:</c>).</summary>
public sealed record LogStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, LogMessage Log) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "log";
}
