using Jaga.Core.Charts;
using Jaga.Core.Ports;

namespace Jaga.Dashboard.Backups;

/// <summary>What the backups page shows: every backup job of the plan, in plan order.</summary>
public sealed record BackupsView(IReadOnlyList<BackupJobView> Jobs);

/// <summary>One backup job: how it is scheduled and where it goes, its last run (from the report of <c>jaga status</c>),
/// whether a run or a verification is going on, its newest artifacts (<c>jaga backup list JOB</c>, at most
/// <see cref="Shown"/> of <see cref="Total"/>), the sizes of all its complete ones over time, and its restore drills.</summary>
/// <param name="Name">The job's name in the plan.</param>
/// <param name="Schedule">Its schedule as the plan writes it.</param>
/// <param name="Destinations">The destinations it writes to, by name.</param>
/// <param name="Last">Its last run (scheduled or by hand, on any node); null before the first.</param>
/// <param name="Running">A run of it is going on (here or on another node).</param>
/// <param name="Verifying">A verification started from the dashboard is going on in this process.</param>
/// <param name="Next">When it is next due.</param>
/// <param name="Artifacts">Its newest backups, newest first.</param>
/// <param name="Total">How many backups of it the catalog holds.</param>
/// <param name="Sizes">The size of each of its complete or partial backups, for the chart.</param>
/// <param name="Drill">Its last restore drill and last successful one, as <c>jaga status</c> shows them; null when never drilled.</param>
/// <param name="CanVerify">It has a backup a verification can check (what <c>jaga backup verify --latest</c> takes).</param>
public sealed record BackupJobView(
    string Name, string Schedule, IReadOnlyList<string> Destinations, JobRun? Last, bool Running, bool Verifying, DateTimeOffset? Next,
    IReadOnlyList<BackupRecord> Artifacts, int Total, IReadOnlyList<ChartPoint> Sizes, BackupDrillView? Drill, bool CanVerify)
{
    /// <summary>How many artifacts a job shows unless asked for more.</summary>
    public const int Shown = 20;
}

/// <summary>A job's restore drills: the last one, and the last successful one with its measured recovery time and data-loss
/// window (null when none succeeded yet).</summary>
public sealed record BackupDrillView(DrillResult Last, DrillResult? LastSuccess);

/// <summary>What came of "back up now" or "verify" pressed on the page.</summary>
public enum BackupAct
{
    /// <summary>Started in the daemon; the page shows it running, then its result.</summary>
    Started,

    /// <summary>A run (or a verification) of that job is already going on: no second one.</summary>
    Busy,

    /// <summary>The plan has no such job (or, to verify, it has no complete backup yet).</summary>
    Nothing,

    /// <summary>The daemon is stopping (or not running its scheduler): it takes no new work.</summary>
    Stopping,
}
