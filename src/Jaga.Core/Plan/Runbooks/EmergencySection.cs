namespace Jaga.Core.Plan;

/// <summary>The plan's <c>emergency:</c> section: whom to call and the procedures to follow when the system fails.</summary>
public sealed record EmergencySection(IReadOnlyList<Contact> Contacts, IReadOnlyList<Runbook> Runbooks)
{
    /// <summary>The runbook of that name, or null.</summary>
    public Runbook? Find(string name) => Runbooks.FirstOrDefault(r => r.Name == name);
}
