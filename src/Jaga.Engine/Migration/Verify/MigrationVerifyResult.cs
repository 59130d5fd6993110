namespace Jaga.Engine.Migration.Verify;

/// <summary>What <c>jaga migrate verify</c> found.</summary>
/// <param name="Source">The source, password masked (a URL, or the export folder).</param>
/// <param name="Target">The target, password masked.</param>
/// <param name="Tables">Every compared table, in the source's order.</param>
/// <param name="Duration">How long it took.</param>
public sealed record MigrationVerifyResult(string Source, string Target, IReadOnlyList<TableComparison> Tables, TimeSpan Duration)
{
    /// <summary>True when every table has the same rows on both sides.</summary>
    public bool Equal => Tables.All(t => t.Equal);
}
