using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup was restored into a target.</summary>
/// <param name="Artifact">The backup.</param>
/// <param name="Target">Where it was restored.</param>
/// <param name="Took">How long it took.</param>
public sealed record BackupRestored(string Artifact, string Target, string Took) : JournalEvent("backup.restore", "backup.restored", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Artifact, Target, Took];
}
