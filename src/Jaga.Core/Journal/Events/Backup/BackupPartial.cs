using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Backup;

/// <summary>A backup was stored at some destinations only.</summary>
/// <param name="Job">The backup job.</param>
/// <param name="Where">Where it was stored.</param>
/// <param name="Failures">Which destinations failed, and why.</param>
public sealed record BackupPartial(string Job, string Where, string Failures) : JournalEvent("backup.run", "backup.partial", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [Job, Where, Failures];
}
