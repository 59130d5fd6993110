using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>How one backup run ended. <paramref name="Record"/> is null when the run never started (the job was busy).</summary>
public sealed record BackupRunResult(string Job, BackupStatus? Status, BackupRecord? Record, string Summary)
{
    public bool Busy => Status is null;

    public bool Succeeded => Status == BackupStatus.Complete;
}
