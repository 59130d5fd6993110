using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>Someone acknowledged an incident: the time to acknowledge stops there.</summary>
/// <param name="Id">The incident's number.</param>
/// <param name="By">Who.</param>
/// <param name="After">How long after it opened, as people say it (4m, 1h5m).</param>
public sealed record IncidentAcknowledged(long Id, string By, string After) : JournalEvent("incident.ack", "incident.acknowledged", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Id, By, After];
}
