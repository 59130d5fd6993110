using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>A suppression in the plan kept an advisory from counting in an audit: every use is logged, with who answers
/// for it and until when.</summary>
/// <param name="Advisory">The advisory's id.</param>
/// <param name="Package">The package it affects.</param>
/// <param name="Version">The version in use.</param>
/// <param name="Until">The suppression's expiry day, YYYY-MM-DD.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Reason">Why it is accepted.</param>
public sealed record AdvisorySuppressed(string Advisory, string Package, string Version, string Until, string Owner, string Reason)
    : JournalEvent("deps.suppress", "deps.suppressed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Advisory, Package, Version, Until, Owner, Reason];
}
