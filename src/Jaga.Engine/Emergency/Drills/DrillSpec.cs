namespace Jaga.Engine.Emergency.Drills;

/// <summary>What one restore drill does: restore the latest backup of <paramref name="Job"/> into a scratch target,
/// compare its row counts with the manifest, and run <paramref name="Test"/> (if any) against it, all within
/// <paramref name="Timeout"/>. Built by <c>jaga drill restore</c> from its arguments, and by the scheduler from an
/// <c>emergency.drills</c> entry of the plan.</summary>
/// <param name="Job">The backup job whose latest completed backup is restored.</param>
/// <param name="Test">A shell command run (<c>/bin/sh -c</c>, in the plan's folder) once the restore matched the manifest,
/// with <c>JAGA_DRILL_TARGET</c> (the scratch database's URL, or the scratch file or folder), <c>JAGA_DRILL_JOB</c> and
/// <c>JAGA_DRILL_BACKUP</c> in its environment; exit 0 passes.</param>
/// <param name="Timeout">The whole drill's limit, from start to verified; past it the drill fails and the scratch target
/// is removed.</param>
public sealed record DrillSpec(string Job, string? Test, TimeSpan Timeout);
