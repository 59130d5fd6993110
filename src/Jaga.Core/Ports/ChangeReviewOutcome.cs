namespace Jaga.Core.Ports;

/// <summary>What became of a review.</summary>
public enum ChangeReviewOutcome
{
    /// <summary>The change is now reviewed.</summary>
    Reviewed,

    /// <summary>No change has that number.</summary>
    NotFound,

    /// <summary>Someone reviewed it already; the first review stays.</summary>
    AlreadyReviewed,

    /// <summary>The reviewer is the change's author: a change is reviewed by someone else.</summary>
    ByAuthor,
}
