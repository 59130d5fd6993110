using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>A check that was down is up again.</summary>
/// <param name="Check">The check.</param>
/// <param name="DownFor">How long it was down.</param>
/// <param name="Reason">Its latest result.</param>
public sealed record CheckRecovered(string Check, string DownFor, string Reason) : JournalEvent("monitor.state", "monitor.up", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Check, DownFor, Reason];
}
