using Jaga.Core.Ports;

namespace Jaga.Engine.Backup;

/// <summary>How one backup run ended. <paramref name="Record"/> is null when the run never started: the job was busy
/// (<see cref="Status"/> null) or its source, destinations or keys could not be set up (failed).</summary>
public sealed record BackupRunResult(string Job, BackupStatus? Status, BackupRecord? Record, string Summary)
{
    public bool Busy => Status is null;

    public bool Succeeded => Status == BackupStatus.Complete;

    /// <summary><see cref="Summary"/> without the log line's time and level: what a runbook step's end says.</summary>
    public string Message { get; init; } = Summary;

    /// <summary>The job's timeout, when the run was stopped at it.</summary>
    public TimeSpan? TimedOutAfter { get; init; }
}
