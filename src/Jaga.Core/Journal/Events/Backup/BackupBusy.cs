using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup was not started: a run of the same job holds its lock.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Holder">Who holds the lock.</param>
public sealed record BackupBusy(string Job, string Holder) : JournalEvent("backup.run", "backup.busy", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Holder];
}
