namespace Jaga.Core.Plan;

/// <summary>Whom a <c>notify</c> step tells: a channel of <c>notify:</c> or a contact of <c>emergency.contacts</c> (exactly
/// one), and the message, a template; when absent, the runbook's name and the step's number.</summary>
public sealed record NotifyTarget(string? Channel, string? Contact, string? Message);
