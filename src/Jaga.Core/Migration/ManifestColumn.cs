namespace Jaga.Core.Migration;

/// <summary>One column of an exported table.</summary>
/// <param name="Name">Its name in the source.</param>
/// <param name="SourceType">The type the source declares, as written there (SQLite's declared type may be empty).</param>
/// <param name="PgType">The PostgreSQL type it maps to (the mapping is in <c>docs/migration.md</c>), e.g. <c>bigint</c>,
/// <c>text</c>, <c>boolean</c>, <c>timestamptz</c>, <c>numeric(10,2)</c>, <c>bytea</c>.</param>
/// <param name="Nullable">False for NOT NULL.</param>
/// <param name="Identity">True for an auto-numbered key (SQLite INTEGER PRIMARY KEY / AUTOINCREMENT, PostgreSQL serial or
/// identity, MySQL AUTO_INCREMENT): the import sets its sequence past the highest value.</param>
public sealed record ManifestColumn(string Name, string SourceType, string PgType, bool Nullable, bool Identity);
