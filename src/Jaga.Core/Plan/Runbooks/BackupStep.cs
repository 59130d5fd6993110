namespace Jaga.Core.Plan;

/// <summary>Takes a backup of a job now (<c>backup: JOB</c>), as <c>jaga backup run JOB</c> does.</summary>
public sealed record BackupStep(string? Name, TimeSpan? Timeout, StepFailure OnFailure, string Backup) : RunbookStep(Name, Timeout, OnFailure)
{
    public override string Kind => "backup";
}
