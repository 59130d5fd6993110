namespace Jaga.Core.Plan;

/// <summary>Restores the latest good backup of a job into a target (<c>restore:</c>).</summary>
public sealed record RestoreBackupStep(BackupRestore Restore, TimeSpan? Timeout) : RunbookStep(Timeout);
