using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary>A changed plan setting that the daemon applies only after a restart.</summary>
/// <param name="Setting">The plan key (<c>state</c>, <c>timezone</c>…).</param>
public sealed record PlanReloadNeedsRestart(string Setting) : JournalEvent("plan.change", "plan.reload.restart", Severity.Warn)
{
    public override IReadOnlyList<object?> Arguments => [Setting];
}
