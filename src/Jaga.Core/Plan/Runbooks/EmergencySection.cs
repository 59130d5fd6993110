namespace Jaga.Core.Plan;

/// <summary>The plan's <c>emergency:</c> section: whom to call, the procedures to follow when the system fails, and the
/// restore drills that rehearse them.</summary>
public sealed record EmergencySection(IReadOnlyList<Contact> Contacts, IReadOnlyList<Runbook> Runbooks, IReadOnlyList<Drill> Drills)
{
    /// <summary>The runbook of that name, or null.</summary>
    public Runbook? Find(string name) => Runbooks.FirstOrDefault(r => r.Name == name);
}
