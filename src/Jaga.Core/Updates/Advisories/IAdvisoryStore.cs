namespace Jaga.Core.Updates.Advisories;

/// <summary>The local advisory database with its refresh: what <c>jaga deps db update</c> writes through.</summary>
public interface IAdvisoryStore : IAdvisoryDatabase
{
    /// <summary>Replaces one ecosystem's advisories with <paramref name="records"/>, read one at a time, in one
    /// transaction: if reading them fails part way, the previous data stays. The ecosystem is the one most records name
    /// (an OSV dump is per ecosystem; an advisory that also names another ecosystem's package still answers for it).
    /// Withdrawn advisories and those naming no NuGet, npm or PyPI package are not kept.</summary>
    /// <param name="records">The dump's documents.</param>
    /// <param name="source">Where they came from, credentials already removed.</param>
    /// <param name="ct">Cancels the import; nothing changes.</param>
    /// <returns>The import recorded, or null when no record named an ecosystem Jaga reads (nothing changed).</returns>
    Task<AdvisoryImport?> ImportAsync(IEnumerable<OsvRecord> records, string source, CancellationToken ct);
}
