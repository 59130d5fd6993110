using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>A run of the update pillar by the daemon (<c>update:scheduled</c> or <c>update:security</c>) ended with
/// something left to a person: data missing, an advisory still open, an update rolled back, OS security updates pending.
/// The lines before it (the audit's, each rollback's) hold the details; this one says the run failed, and why.</summary>
/// <param name="Job">The job's id.</param>
/// <param name="Reasons">Every reason, separated by "; ".</param>
public sealed record UpdateRunFailed(string Job, string Reasons) : JournalEvent("update.run", "update.run.failed", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Job, Reasons];
}
