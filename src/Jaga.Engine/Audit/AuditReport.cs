using Jaga.Core.Ledger;

namespace Jaga.Engine.Audit;

/// <summary>The outcome of <c>jaga audit verify</c>: how much was proven, and every problem found.</summary>
public sealed record AuditReport(long Entries, AuditEntry? Head, IReadOnlyList<AuditProblem> Problems, IReadOnlyList<string> Proven)
{
    public bool Intact => Problems.Count == 0;
}
