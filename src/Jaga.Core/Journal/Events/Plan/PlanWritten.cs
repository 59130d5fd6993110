using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Plan;

/// <summary><c>jaga init</c> wrote a starter plan.</summary>
/// <param name="File">The plan file.</param>
public sealed record PlanWritten(string File) : JournalEvent("plan.init", "init.written", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [File];
}
