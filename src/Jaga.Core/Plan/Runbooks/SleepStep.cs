namespace Jaga.Core.Plan;

/// <summary>Waits a fixed time (<c>sleep: 30s</c>).</summary>
public sealed record SleepStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, TimeSpan Sleep) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "sleep";
}
