namespace Jaga.Core.Migration;

/// <summary>One exported table.</summary>
/// <param name="Name">The table's name in the source (without schema for PostgreSQL's <c>public</c>).</param>
/// <param name="File">Its CSV file, relative to the export folder.</param>
/// <param name="Columns">In the source's column order, which is also the CSV's.</param>
/// <param name="PrimaryKey">The primary key's columns, in key order; empty when the table has none.</param>
/// <param name="ForeignKeys">Keys to other exported tables.</param>
/// <param name="Indexes">Secondary indexes (the primary key's own index is not listed).</param>
/// <param name="Rows">Data rows in the CSV (the header not counted).</param>
/// <param name="Sha256">SHA-256 of the CSV file's bytes, lower-case hex.</param>
/// <param name="ContentSha256">The canonical content hash of the rows (see <c>docs/migration.md</c>): equal for equal data
/// whichever database it came from.</param>
public sealed record ManifestTable(
    string Name,
    string File,
    IReadOnlyList<ManifestColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ManifestForeignKey> ForeignKeys,
    IReadOnlyList<ManifestIndex> Indexes,
    long Rows,
    string Sha256,
    string ContentSha256);
