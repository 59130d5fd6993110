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

    /// <summary>The scheduled run of the update pillar (<c>update.schedule</c>): the dependency audit, the updates the policy
    /// applies by itself, and the OS patches read.</summary>
    Update,

    /// <summary>Between scheduled update runs: an offline re-audit when new advisory data arrives, applying the security
    /// fixes whose policy is <c>immediate</c>.</summary>
    SecurityWatch,

    /// <summary>A job outside the plan's pillars (benchmarks, tests).</summary>
    Other,
}
