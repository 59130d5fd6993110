namespace Jaga.Core.Scheduling;

/// <summary>The kinds of scheduled job; each pillar adds its own. A label in metrics, as <c>EnumWord.Of</c> writes it.</summary>
public enum JobKind
{
    Backup,
    Verify,
    Checkpoint,
    Check,
    Host,
    Logs,
    History,

    /// <summary>A scheduled restore drill of a backup job (<c>emergency.drills</c>).</summary>
    Drill,

    /// <summary>A job outside the plan's pillars (benchmarks, tests).</summary>
    Other,
}
