namespace Jaga.Engine.Migration.Import;

/// <summary>What an import did.</summary>
/// <param name="From">The export folder.</param>
/// <param name="Target">The target URL with its password masked.</param>
/// <param name="Atomic">True when all tables were loaded in one transaction.</param>
/// <param name="Tables">The tables loaded, in load order.</param>
/// <param name="Elapsed">The whole import, ANALYZE included.</param>
public sealed record ImportResult(string From, string Target, bool Atomic, IReadOnlyList<ImportedTable> Tables, TimeSpan Elapsed)
{
    public long Rows => Tables.Sum(t => t.Rows);
}
