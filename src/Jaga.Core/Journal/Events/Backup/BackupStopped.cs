using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup run was cancelled before it finished; what it uploaded was removed.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Artifact">The artifact it was writing.</param>
public sealed record BackupStopped(string Job, string Artifact) : JournalEvent("backup.run", "backup.stopped", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Artifact];
}
