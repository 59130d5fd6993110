namespace Jaga.Core.Plan;

/// <summary>Sends a message to a notification channel (<c>notify:</c>).</summary>
public sealed record NotifyStep(string Notify, TimeSpan? Timeout) : RunbookStep(Timeout);
