namespace Jaga.Engine.Migration.Import;

/// <summary>What <c>jaga migrate import</c> was asked to do.</summary>
/// <param name="From">The export folder (with <c>manifest.json</c>).</param>
/// <param name="Into">The target database URL (<c>postgres://…</c>); its password is never shown.</param>
public sealed record ImportOptions(string From, string Into)
{
    /// <summary>One transaction for every table: all or nothing. Otherwise one per table, and a failure lists the tables
    /// already finished.</summary>
    public bool Atomic { get; init; }

    /// <summary>Empty target tables that hold rows first (otherwise a non-empty table is refused).</summary>
    public bool Truncate { get; init; }

    /// <summary>Only these tables of the export (in the manifest's order); null or empty for all.</summary>
    public IReadOnlyList<string>? Tables { get; init; }
}
