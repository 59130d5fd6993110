using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Readiness;

/// <summary>A change that is reviewed before it is carried out (a runbook with <c>review: before</c>) was asked for and
/// refused until someone reviews it; the change record covering this entry names the request.</summary>
/// <param name="What">What is asked for.</param>
/// <param name="By">Who asked.</param>
public sealed record ChangeRequested(string What, string By) : JournalEvent("change.request", "change.requested", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [What, By];
}
