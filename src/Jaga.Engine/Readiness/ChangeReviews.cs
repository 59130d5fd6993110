using Jaga.Core.Journal.Events.Readiness;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Readiness;

/// <summary>The review of a significant change (<c>jaga changes review</c>): the store decides first whether it stands (a
/// change that exists, not reviewed yet, by someone other than its author), and only a review it accepted is recorded in the
/// maintenance log and the audit chain, the entry then named in the store.</summary>
/// <remarks>Deciding first means a refused review, even one that lost a race to another reviewer, leaves no line and no
/// entry. A crash between the two leaves a review the store holds without its entry (<see cref="ChangeReview.Seq"/> null):
/// the review stands, and <c>jaga changes --json</c> shows it has no entry.</remarks>
public static class ChangeReviews
{
    /// <summary>Reviews change <paramref name="id"/> by <paramref name="by"/> with <paramref name="note"/>.</summary>
    /// <returns>What the store decided; the change as it now stands (null when there is none); the review's entry, only when
    /// reviewed.</returns>
    public static async Task<(ChangeReviewOutcome Outcome, ChangeRecord? Change, AuditEntry? Entry)> ReviewAsync(
        MaintenanceJournal journal, long id, string by, string note, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(clock);
        var changes = journal.Store.Changes;
        var outcome = await changes.ReviewAsync(id, new ChangeReview(by, clock.GetUtcNow(), note, Seq: null), ct);
        var change = await changes.GetAsync(id, ct);
        if (outcome != ChangeReviewOutcome.Reviewed || change is null) return (outcome, change, null);
        var entry = await journal.RecordAsync(new ChangeReviewed(id, change.What, by, note)
        {
            Data = new Dictionary<string, string>
            {
                ["change"] = $"{id}",
                ["kind"] = change.Kind.ToText(),
                ["author"] = change.Author,
                ["covers"] = ChangeText.Covers(change.Covers),
            },
        }, by, ct);
        await changes.NoteReviewEntryAsync(id, entry.Seq, ct);
        return (outcome, await changes.GetAsync(id, ct), entry);
    }
}
