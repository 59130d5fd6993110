using Jaga.Core.Ledger;

namespace Jaga.Core.Journal.Events.Updates;

/// <summary>The local advisory database was refreshed from OSV's dumps (<c>jaga deps db update</c>).</summary>
/// <param name="Advisories">How many advisories the imports hold, all ecosystems together.</param>
/// <param name="Ecosystems">The ecosystems imported, as OSV names them (<c>npm, NuGet, PyPI</c>).</param>
public sealed record AdvisoriesImported(int Advisories, string Ecosystems) : JournalEvent("deps.db", "deps.db.updated", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments => [Advisories, Ecosystems];
}
