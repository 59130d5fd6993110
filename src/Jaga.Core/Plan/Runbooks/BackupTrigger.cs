namespace Jaga.Core.Plan;

/// <summary>A run of the backup job <paramref name="Backup"/> that failed.</summary>
public sealed record BackupTrigger(string Backup) : RunbookTrigger;
