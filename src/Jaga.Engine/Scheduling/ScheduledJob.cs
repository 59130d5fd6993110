using Jaga.Core.Scheduling;

namespace Jaga.Engine.Scheduling;

/// <summary>A job the scheduler carries out: a backup, a verification, a checkpoint; later pillars add theirs.</summary>
/// <param name="Id">Its kind, and its text, unique and stable across reloads and nodes (<c>backup:db</c>): the key of its claims.</param>
/// <param name="Schedule"></param>
/// <param name="CatchUp"></param>
/// <param name="Timeout">A run still going after this is cancelled and recorded as timed out (a failure).</param>
/// <param name="Work">The work itself. It writes its own log lines for what it did; the scheduler writes the lines for
/// what happened to it (caught up, skipped, timed out, interrupted, lost, crashed).</param>
public sealed record ScheduledJob(JobId Id, ISchedule Schedule, CatchUp CatchUp, TimeSpan Timeout, Func<CancellationToken, Task<JobResult>> Work)
{
    /// <summary>Light work that waits mostly on the network (a check's probe, bounded by its own timeout) runs outside the
    /// <c>scheduler.concurrency</c> limit, which is for heavy jobs (backups): a thousand checks are not queued behind a
    /// dump, nor behind each other.</summary>
    public bool Light { get; init; }

    /// <summary>The job is owned by one node at a time instead of claimed run by run: its runs are not exactly-once decisions
    /// in the run ledger (a check's probe is worth neither a transaction nor a synced commit). The live nodes split the owned
    /// jobs between them (<see cref="Core.Scheduling.Ownership"/>) and take over those of a node that stops beating; its last
    /// occurrence is kept in memory (none after a start: it runs at once), and its ends are written in batches, keeping only
    /// its newest run and newest success in the ledger (<see cref="Core.Ports.IJobRuns.RecordOwnedAsync"/>). For light jobs
    /// without catch-up: a run may be repeated or missed while nodes join or leave.</summary>
    public bool Owned { get; init; }

    /// <summary>Whether the job has anything to work on; null when it always has. A job that has nothing yet (a verification
    /// before the backup it verifies exists) is not claimed: its occurrence stays due, unconsumed, and is looked at again when
    /// <see cref="After"/> ends on this node, or a little later (another node may be the one that runs it). Nothing is written
    /// while it waits, so the claim stays the one durable decision, taken by exactly one node once there is work.</summary>
    public Func<CancellationToken, Task<bool>>? Ready { get; init; }

    /// <summary>Missed occurrences are passed over without a log line (skipped ones still recorded in the run ledger): a
    /// check, the host monitor and housekeeping simply resume after a restart, where a missed backup is worth a warning.</summary>
    public bool MissedQuietly { get; init; }

    /// <summary>The job whose run may give this one its work (a verification's backup job).</summary>
    public JobId? After { get; init; }

    /// <summary>The pillar's kind of job, a label in metrics.</summary>
    public JobKind Kind => Id.Kind;
}

/// <summary>How the work of one run ended, in the work's own words. <paramref name="Bytes"/> is a backup's size.</summary>
public sealed record JobResult(bool Succeeded, string Summary, long? Bytes = null)
{
    /// <summary>The work stopped itself at this timeout of its own (a backup keeps its job's): recorded as timed out.</summary>
    public TimeSpan? TimedOutAfter { get; init; }
}
