using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary>The maintenance plan document was written.</summary>
/// <param name="File">The document written.</param>
public sealed record PlanRendered(string File) : JournalEvent("plan.render", "plan.rendered", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File];
}
