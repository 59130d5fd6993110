using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>Raw check results were rolled up into aggregates, and old ones expired.</summary>
/// <param name="Raw">Raw results removed.</param>
/// <param name="Hourly">Hourly aggregates removed.</param>
/// <param name="Daily">Daily aggregates removed.</param>
public sealed record HistoryCompacted(long Raw, long Hourly, long Daily) : JournalEvent("monitor.history", "history.compacted", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Raw, Hourly, Daily];
}
