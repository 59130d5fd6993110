using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A restore drill restored a job's latest backup into a scratch target and it passed its checks.</summary>
/// <param name="Job">The backup job drilled.</param>
/// <param name="Artifact">The backup restored.</param>
/// <param name="RecoveryTime">From the drill's start to verified, as a duration (<c>4.2 s</c>).</param>
/// <param name="DataLoss">The age of the data restored: what a real restore now would lose.</param>
/// <param name="Checked">What was checked (row counts, the test command).</param>
public sealed record DrillSucceeded(string Job, string Artifact, string RecoveryTime, string DataLoss, string Checked)
    : JournalEvent("drill.restore", "drill.succeeded", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Job, Artifact, RecoveryTime, DataLoss, Checked];
}
