namespace Jaga.Core.Migration;

/// <summary>What <c>jaga migrate export</c> wrote (<c>manifest.json</c> beside the CSV files): where the data came from, and
/// each table with its columns, keys, row count and hashes. <c>jaga migrate import</c> and <c>verify</c> read it; it is
/// written last, so a folder without one is an export that did not finish.</summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Source">The source database as <c>kind</c> and its URL with any password masked.</param>
/// <param name="SourceKind">sqlite, postgres or mysql.</param>
/// <param name="ExportedAt">When the export began (ISO 8601 with offset).</param>
/// <param name="Jaga">The version of Jaga that wrote it.</param>
/// <param name="Tables">Parents before children (foreign-key order), so importing in this order never breaks a key.</param>
public sealed record ExportManifest(
    string Format,
    string Source,
    string SourceKind,
    DateTimeOffset ExportedAt,
    string Jaga,
    IReadOnlyList<ManifestTable> Tables)
{
    public const string CurrentFormat = "jaga-migrate-export/1";

    /// <summary>The manifest's file name inside an export folder.</summary>
    public const string FileName = "manifest.json";
}
