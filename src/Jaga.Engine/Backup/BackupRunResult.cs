using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>How one backup run ended. <paramref name="Record"/> is null when the run never started: the job was busy
/// (<see cref="Status"/> null) or its source, destinations or keys could not be set up (failed).</summary>
public sealed record BackupRunResult(string Job, BackupStatus? Status, BackupRecord? Record, string Summary)
{
    public bool Busy => Status is null;

    public bool Succeeded => Status == BackupStatus.Complete;

    /// <summary>The job's timeout, when the run was stopped at it.</summary>
    public TimeSpan? TimedOutAfter { get; init; }
}
