namespace Jaga.Core.Plan;

/// <summary>Runs a command (<c>run:</c>), through <c>/bin/sh -c</c>.</summary>
public sealed record CommandStep(string Run, TimeSpan? Timeout) : RunbookStep(Timeout);
