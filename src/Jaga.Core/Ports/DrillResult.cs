namespace Jaga.Core.Ports;

/// <summary>One restore drill: the latest backup of <paramref name="Job"/> restored into a scratch target and checked.</summary>
/// <param name="Job">The backup job drilled.</param>
/// <param name="BackupId">The backup restored, or null when none could be chosen.</param>
/// <param name="StartedAt"></param>
/// <param name="EndedAt"></param>
/// <param name="Outcome"></param>
/// <param name="RecoveryTime">From start to verified (null when it did not verify); kept to the millisecond.</param>
/// <param name="DataLossWindow">The age of the data restored at the drill's start: what a real restore would lose; kept to the millisecond.</param>
/// <param name="Detail">Why it failed, or what was checked; masked by the caller.</param>
/// <param name="Node"></param>
public sealed record DrillResult(
    string Job, string? BackupId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, DrillOutcome Outcome,
    TimeSpan? RecoveryTime, TimeSpan? DataLossWindow, string? Detail, string Node);
