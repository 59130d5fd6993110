namespace Jaga.Core.Ports;

/// <summary>One person's approval of one <c>approve</c> step of a run.</summary>
public sealed record RunbookApproval(string RunId, int StepIndex, string By, DateTimeOffset At, string? Note);
