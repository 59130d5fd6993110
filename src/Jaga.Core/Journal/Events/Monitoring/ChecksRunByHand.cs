using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary><c>jaga monitor check</c> ran the checks once.</summary>
/// <param name="Up">How many are up.</param>
/// <param name="Warning">How many warn.</param>
/// <param name="Down">How many are down.</param>
/// <param name="Failures">"; check: reason" for each check down, or empty.</param>
public sealed record ChecksRunByHand(int Up, int Warning, int Down, string Failures) : JournalEvent("monitor.check", "monitor.checked", Down > 0 ? Severity.Warn : Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Up, Warning, Down, Failures];
}
