namespace Jaga.Core.Ports;

/// <summary>Significant changes and their reviews (schema version 7). The journal records a change when it writes the entry
/// of a significant act; <c>jaga changes review</c> reviews it; a runbook with <c>review: before</c> asks for one first and
/// runs only once it is reviewed.</summary>
/// <remarks>What must hold across processes is decided by the database: one pending request per subject (a partial unique
/// index), a review that never replaces another nor comes from the author (one conditional <c>UPDATE</c>), and a reviewed
/// request carried out once.</remarks>
public interface IChangeRecords
{
    /// <summary>Records an applied change, or, for a draft with a <see cref="ChangeDraft.Group"/> already recorded, adds its
    /// audit entry to that record.</summary>
    Task<ChangeRecord> RecordAsync(ChangeDraft draft, CancellationToken ct = default);

    /// <summary>Asks for a change that is not carried out until reviewed (<see cref="ChangeDraft.Applied"/> is ignored): the
    /// pending request of the same subject when there is one (its audit entries kept), else a new one.</summary>
    /// <returns>The request, and whether this call made it.</returns>
    Task<(ChangeRecord Request, bool Created)> RequestAsync(ChangeDraft draft, CancellationToken ct = default);

    /// <summary>Marks the oldest reviewed, not yet carried out request of <paramref name="subject"/> as carried out. At most one
    /// caller gets a given request; the entries of what it then does name the change (data <c>change</c>).</summary>
    Task<ChangeRecord?> TakeReviewedAsync(string subject, CancellationToken ct = default);

    /// <summary>Reviews change <paramref name="id"/>, unless it is reviewed already or <paramref name="review"/> is by its author.
    /// The store decides first; the caller then writes the review's audit entry and names it with
    /// <see cref="NoteReviewEntryAsync"/>.</summary>
    Task<ChangeReviewOutcome> ReviewAsync(long id, ChangeReview review, CancellationToken ct = default);

    /// <summary>Names <paramref name="seq"/> as the audit entry of the review of change <paramref name="id"/>, when the review
    /// names none yet.</summary>
    Task NoteReviewEntryAsync(long id, long seq, CancellationToken ct = default);

    Task<ChangeRecord?> GetAsync(long id, CancellationToken ct = default);

    /// <summary>Changes newest first, at most <paramref name="limit"/>; only those awaiting review when <paramref name="unreviewed"/>.</summary>
    Task<IReadOnlyList<ChangeRecord>> ListAsync(bool unreviewed, int limit, CancellationToken ct = default);
}
