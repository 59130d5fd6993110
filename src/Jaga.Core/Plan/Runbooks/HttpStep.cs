namespace Jaga.Core.Plan;

/// <summary>Sends an HTTP request (<c>http:</c>) and judges the answer by Gatus-style conditions.</summary>
public sealed record HttpStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, HttpRequest Http) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "http";
}
