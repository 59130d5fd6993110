namespace Jaga.Core.Ports;

/// <summary>How one run ended, for <see cref="IJobRuns.FinishManyAsync"/>.</summary>
public sealed record RunEnd(JobRun Run, RunOutcome Outcome, DateTimeOffset At, string? Detail);
