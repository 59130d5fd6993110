using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Core.Journal.Events.Monitoring;

/// <summary>The host monitor's periodic summary, the seed's line: <c>Monitoring: CPU usage normal, RAM usage 60%</c>.</summary>
/// <param name="HighCpu">The CPU usage when over its threshold ("97%"); null when normal.</param>
/// <param name="Ram">The memory used, in percent, rounded.</param>
/// <param name="Passed">False when the host check does not pass (a WARN line).</param>
public sealed record HostSummarized(string? HighCpu, string Ram, bool Passed) : JournalEvent("monitor.host", "monitor.host", Passed ? Severity.Info : Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments =>
        [HighCpu is null ? new Phrase("monitor.host.cpu.normal") : new Phrase("monitor.host.cpu.high", [HighCpu]), Ram];
}
