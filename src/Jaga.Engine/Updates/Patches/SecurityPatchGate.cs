using Jaga.Core.Changes;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Journal;
using Jaga.Engine.Readiness;

namespace Jaga.Engine.Updates.Patches;

/// <summary>OS security patches reviewed before they are installed (<c>update.review: before</c>): the set an approved dry
/// run would install is one change, asked for by the journal's actor through the <see cref="ReviewGate"/>. A review approves
/// that exact set on this node (<see cref="ChangeSubjects.SecurityPatches"/>): a new candidate version or another package is
/// a new request.</summary>
public static class SecurityPatchGate
{
    /// <summary>Null when nothing is held (the plan reviews after, or there is nothing to install); else what the gate
    /// decided: passed (the reviewed request is taken: install now) or not (the request awaits its review).</summary>
    public static async Task<ReviewGateResult?> PassAsync(SecurityPatchReview review, MaintenanceJournal journal, ReviewTiming timing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(journal);
        if (timing != ReviewTiming.Before || review.Changes.Count == 0) return null;
        var subject = ChangeSubjects.SecurityPatches(journal.Node, review.Changes.Select(c => (c.Name, c.Candidate)));
        var what = journal.Messages.Format("cli.changes.what.patches", journal.Node, string.Join(", ", review.Changes.Select(c => $"{c.Name} {c.Candidate}")));
        return await ReviewGate.PassAsync(journal, ChangeKind.SecurityPatch, subject, what, journal.Actor, ct);
    }
}
