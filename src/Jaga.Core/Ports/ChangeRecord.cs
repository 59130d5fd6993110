namespace Jaga.Core.Ports;

/// <summary>A significant change kept in the state store until it is reviewed, and after.</summary>
/// <param name="Id">Its number, as <c>jaga changes review ID</c> takes it.</param>
/// <param name="Kind">What kind of change.</param>
/// <param name="Subject">What it is about (<c>runbook:restore-db</c>).</param>
/// <param name="What">What changed, as the log line said it.</param>
/// <param name="Author">Who made (or asked for) it.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Covers">The audit entries it covers, by sequence number, in order.</param>
/// <param name="Applied">False while a change asked for with <c>review: before</c> has not been carried out.</param>
/// <param name="Review">Who reviewed it, when, and why; null while it awaits review.</param>
public sealed record ChangeRecord(
    long Id, ChangeKind Kind, string Subject, string What, string Author, DateTimeOffset At, IReadOnlyList<long> Covers, bool Applied, ChangeReview? Review)
{
    /// <summary>Records are equal when their fields are (the list of covered entries by its items, not its reference).</summary>
    public bool Equals(ChangeRecord? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Subject == other.Subject && What == other.What && Author == other.Author
        && At == other.At && Covers.SequenceEqual(other.Covers) && Applied == other.Applied && Review == other.Review;

    public override int GetHashCode() => HashCode.Combine(Id, Kind, Subject, At);
}
