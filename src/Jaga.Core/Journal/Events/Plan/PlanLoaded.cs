using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary>The plan was loaded for a run.</summary>
/// <param name="File">The plan file.</param>
/// <param name="Sha256">Its SHA-256, shortened.</param>
public sealed record PlanLoaded(string File, string Sha256) : JournalEvent("plan.load", "plan.loaded", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File, Sha256];
}
