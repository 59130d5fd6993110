using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>An incident was opened, by an alert or by hand. Written only by the process whose opening won: a key has one open
/// incident, however many nodes see the failure.</summary>
/// <param name="Id">The incident's number.</param>
/// <param name="Key">What it is about (<c>check:api</c>).</param>
/// <param name="Title">Its title.</param>
public sealed record IncidentOpened(long Id, string Key, string Title) : JournalEvent("incident.open", "incident.opened", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Id, Title, Key];
}
