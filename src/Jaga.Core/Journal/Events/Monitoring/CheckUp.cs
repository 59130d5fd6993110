using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A check is up for the first time.</summary>
/// <param name="Check">The check.</param>
/// <param name="Reason">Its latest result.</param>
public sealed record CheckUp(string Check, string Reason) : JournalEvent("monitor.state", "monitor.first.up", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Check, Reason];
}
