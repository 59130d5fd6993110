using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary>The daemon picked up a changed plan.</summary>
/// <param name="OldSha256">The running plan's SHA-256, shortened.</param>
/// <param name="NewSha256">The new plan's SHA-256, shortened.</param>
/// <param name="Sections">The sections that changed, or "-".</param>
public sealed record PlanChanged(string OldSha256, string NewSha256, string Sections) : JournalEvent("plan.change", "plan.changed", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [OldSha256, NewSha256, Sections];
}
