namespace Jaga.Core.Plan;

/// <summary>Restores a backup of a job into a target (<c>restore:</c>).</summary>
public sealed record RestoreBackupStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, BackupRestore Restore) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "restore";
}
