namespace Jaga.Core.Plan;

/// <summary>The check a <c>wait_for</c> step waits for, and how long at most.</summary>
public sealed record WaitFor(string Check, TimeSpan Timeout);
