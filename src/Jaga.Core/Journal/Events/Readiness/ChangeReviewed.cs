using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Readiness;

/// <summary>Someone other than its author reviewed a significant change (<c>jaga changes review</c>): the seed's audit rule.</summary>
/// <param name="Id">The change's number.</param>
/// <param name="What">What the change was, as recorded.</param>
/// <param name="By">The reviewer.</param>
/// <param name="Note">What the reviewer says.</param>
public sealed record ChangeReviewed(long Id, string What, string By, string Note) : JournalEvent("change.review", "change.reviewed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Id, By, What, Note];
}
