using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Emergency;

/// <summary>A restore drill failed: the restore, the row counts or the test command.</summary>
/// <param name="Job">The backup job drilled.</param>
/// <param name="Reason">Why, masked.</param>
public sealed record DrillFailed(string Job, string Reason) : JournalEvent("drill.restore", "drill.failed", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Reason];
}
