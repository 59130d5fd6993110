using Jaga.Core.Ports;

namespace Jaga.Core.Storage;

/// <summary>A store's <see cref="IChangeRecords"/> behind its <see cref="StoreGuard"/>.</summary>
public sealed class GuardedChangeRecords(IChangeRecords inner, StoreGuard guard) : IChangeRecords
{
    public Task<ChangeRecord> RecordAsync(ChangeDraft draft, CancellationToken ct = default) => guard.Run(() => inner.RecordAsync(draft, ct));

    public Task<(ChangeRecord Request, bool Created)> RequestAsync(ChangeDraft draft, CancellationToken ct = default) =>
        guard.Run(() => inner.RequestAsync(draft, ct));

    public Task<ChangeRecord?> TakeReviewedAsync(string subject, CancellationToken ct = default) =>
        guard.Run(() => inner.TakeReviewedAsync(subject, ct));

    public Task<ChangeReviewOutcome> ReviewAsync(long id, ChangeReview review, CancellationToken ct = default) =>
        guard.Run(() => inner.ReviewAsync(id, review, ct));

    public Task NoteReviewEntryAsync(long id, long seq, CancellationToken ct = default) => guard.Run(() => inner.NoteReviewEntryAsync(id, seq, ct));

    public Task<ChangeRecord?> GetAsync(long id, CancellationToken ct = default) => guard.Run(() => inner.GetAsync(id, ct));

    public Task<IReadOnlyList<ChangeRecord>> ListAsync(bool unreviewed, int limit, CancellationToken ct = default) =>
        guard.Run(() => inner.ListAsync(unreviewed, limit, ct));
}
