namespace Jaga.Core.Plan;

/// <summary>Sends a message (<c>notify:</c>) to a notification channel or to a contact.</summary>
public sealed record NotifyStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, NotifyTarget Notify) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "notify";
}
