using Jaga.Core.Ports;

namespace Jaga.Core.Updates.Audit;

/// <summary>When the security watch re-audits: only when advisory data was imported after the last update run of either
/// kind started, and only once a scheduled run has finished (it filled the registry cache the watch reads offline).
/// Nothing new, nothing to do: the watch never repeats an audit, nor a rollback, on the same data.</summary>
public static class SecurityWatchDue
{
    /// <param name="newestImport">When the newest advisory import was made (<c>jaga deps db update</c>); null when none was.</param>
    /// <param name="lastScheduled">The newest run of the scheduled update job; null when it never ran.</param>
    /// <param name="lastWatch">The newest run of the watch; null when it never ran.</param>
    public static bool IsDue(DateTimeOffset? newestImport, JobRun? lastScheduled, JobRun? lastWatch)
    {
        // Still running (or never ran): the scheduled run itself reads the newest data.
        if (newestImport is not { } imported || lastScheduled?.FinishedAt is null) return false;
        var seen = lastWatch is null || lastWatch.ClaimedAt < lastScheduled.ClaimedAt ? lastScheduled.ClaimedAt : lastWatch.ClaimedAt;
        return imported > seen;
    }
}
