using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A check went down.</summary>
/// <param name="Check">The check.</param>
/// <param name="Reason">Why it is down.</param>
public sealed record CheckDown(string Check, string Reason) : JournalEvent("monitor.state", "monitor.down", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Check, Reason];
}
