using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Export;

/// <summary>What an export wrote.</summary>
/// <param name="Folder">The export folder, absolute.</param>
/// <param name="Manifest">The manifest written there (tables in foreign-key order, counts and hashes).</param>
/// <param name="Duration">From start to the manifest written.</param>
/// <param name="Warnings">What the user should know but did not stop the export (a foreign-key cycle, for one).</param>
public sealed record MigrationExportResult(string Folder, ExportManifest Manifest, TimeSpan Duration, IReadOnlyList<string> Warnings)
{
    /// <summary>The rows of every table.</summary>
    public long Rows => Manifest.Tables.Sum(t => t.Rows);
}
