namespace Jaga.Core.Scheduling;

/// <summary>What a job does about occurrences it missed (the daemon was down, or the job was still running):
/// run once to catch up, or skip to the next occurrence. Logged either way.</summary>
public enum CatchUp
{
    Once,
    Skip,
}
