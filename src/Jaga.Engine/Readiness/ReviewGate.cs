using Jaga.Core.Journal.Events.Readiness;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Readiness;

/// <summary>A significant change reviewed before it is carried out (<c>review: before</c>): the first ask records a request
/// and is refused; once someone other than the asker reviews it (<c>jaga changes review</c>), the next ask carries it out,
/// once.</summary>
public static class ReviewGate
{
    /// <summary>The reviewed request of <paramref name="subject"/>, now marked carried out; or, when none is reviewed, the
    /// pending request (made now when there was none), with the ask recorded in the journal.</summary>
    public static async Task<ReviewGateResult> PassAsync(MaintenanceJournal journal, ChangeKind kind, string subject, string what, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var changes = journal.Store.Changes;
        if (await changes.TakeReviewedAsync(subject, ct) is { } reviewed) return new ReviewGateResult(reviewed, Passed: true);
        var entry = await journal.RecordAsync(new ChangeRequested(what, by) { Data = new Dictionary<string, string> { ["subject"] = subject } }, by, ct);
        var (request, _) = await changes.RequestAsync(new ChangeDraft(kind, subject, what, by, entry.Time, entry.Seq), ct);
        return new ReviewGateResult(request, Passed: false);
    }
}
