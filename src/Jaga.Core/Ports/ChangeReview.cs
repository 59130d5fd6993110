namespace Jaga.Core.Ports;

/// <summary>The review of a change: by someone other than its author.</summary>
/// <param name="By">The reviewer.</param>
/// <param name="At">When.</param>
/// <param name="Note">What the reviewer says.</param>
/// <param name="Seq">The audit entry that records the review; null until it is written, which is after the store accepted
/// the review (<see cref="IChangeRecords.NoteReviewEntryAsync"/>), so a refused review leaves no entry.</param>
public sealed record ChangeReview(string By, DateTimeOffset At, string Note, long? Seq);
