namespace Jaga.Core.Migration;

/// <summary>A table as a <see cref="IMigrationSource"/> describes it, before its rows are read.</summary>
/// <param name="Name">Its name (without schema for PostgreSQL's <c>public</c>).</param>
/// <param name="Columns">In the table's column order, each with its PostgreSQL type.</param>
/// <param name="PrimaryKey">The primary key's columns, in key order; empty when none.</param>
/// <param name="ForeignKeys">Its foreign keys.</param>
/// <param name="Indexes">Its secondary indexes.</param>
public sealed record SourceTable(
    string Name,
    IReadOnlyList<ManifestColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<ManifestForeignKey> ForeignKeys,
    IReadOnlyList<ManifestIndex> Indexes);
