using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary>A changed plan is invalid: the daemon keeps running the plan it has.</summary>
/// <param name="RunningSha256">The running plan's SHA-256, shortened.</param>
/// <param name="Problems">What is wrong with the new one.</param>
public sealed record PlanReloadRefused(string RunningSha256, string Problems) : JournalEvent("plan.change", "plan.reload.invalid", Severity.Error)
{
    public override IReadOnlyList<object?> Arguments => [RunningSha256, Problems];
}
