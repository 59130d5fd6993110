namespace Jaga.Core.Migration.Import;

/// <summary>A foreign key of a table the import creates, added after every table is loaded.</summary>
/// <param name="Table">The table it is added to.</param>
/// <param name="Constraint">Its name in the target.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="References">The table it points at, by its name in the target.</param>
/// <param name="ReferencedColumns">The columns it points at.</param>
/// <param name="Sql">The <c>ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY</c> statement.</param>
public sealed record ForeignKeyLoad(string Table, string Constraint, IReadOnlyList<string> Columns, string References,
    IReadOnlyList<string> ReferencedColumns, string Sql);
