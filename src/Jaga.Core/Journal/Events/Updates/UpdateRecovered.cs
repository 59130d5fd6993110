using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>An earlier apply stopped midway (a crash, a kill) and left its rollback record: the files it had changed were
/// restored from the record before anything else ran.</summary>
/// <param name="Updates">The updates that were being tried, as <c>NAME==VERSION</c>, comma-separated.</param>
/// <param name="Files">How many files were restored.</param>
public sealed record UpdateRecovered(string Updates, int Files) : JournalEvent("update.rollback", "update.recovered", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Updates, Files];
}
