using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>An incident was closed: on recovery (by <c>jaga</c>) or by hand, with a note.</summary>
/// <param name="Id">The incident's number.</param>
/// <param name="By">Who closed it: <c>jaga</c> on recovery, or a person.</param>
/// <param name="After">How long it was open (the time to recover), as people say it.</param>
/// <param name="Note">The note given when closing by hand, if any.</param>
public sealed record IncidentClosed(long Id, string By, string After, string? Note) : JournalEvent("incident.close", "incident.closed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Id, By, After, Note is null ? "" : new Phrase("incident.closed.note", [Note])];
}
