using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup run found unfinished (its process was killed) was closed as interrupted.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Artifact">The artifact it was writing.</param>
/// <param name="Removed">How many of its leftovers were removed.</param>
public sealed record BackupInterrupted(string Job, string Artifact, int Removed) : JournalEvent("backup.interrupted", "backup.interrupted", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Artifact, Removed];
}
