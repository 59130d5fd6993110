namespace Jaga.Core.Plan;

/// <summary>Waits until a check passes (<c>wait_for:</c>), at most its timeout.</summary>
public sealed record WaitStep(WaitFor WaitFor, TimeSpan? Timeout) : RunbookStep(Timeout);
