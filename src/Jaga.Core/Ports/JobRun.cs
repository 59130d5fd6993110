namespace Jaga.Core.Ports;

/// <summary>One attempt at one occurrence of one job. <paramref name="Id"/> is the store's row id.</summary>
public sealed record JobRun(
    long Id, string Job, DateTimeOffset Occurrence, int Attempt, string Node, DateTimeOffset ClaimedAt, DateTimeOffset LeaseUntil,
    DateTimeOffset? FinishedAt, RunOutcome Outcome, string? Detail);
