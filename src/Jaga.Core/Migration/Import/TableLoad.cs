using Jaga.Core.Messages;

namespace Jaga.Core.Migration.Import;

/// <summary>How one table is loaded: the statements before the COPY, the COPY, and those after it, each written by the
/// planner so the engine only carries them out.</summary>
/// <param name="Table">The table as the manifest describes it.</param>
/// <param name="Create">True when the import creates the table; false when it loads into the existing one.</param>
/// <param name="Before">Statements before the load (CREATE TABLE).</param>
/// <param name="Copy">The COPY statement (CSV with header, the columns in the file's order).</param>
/// <param name="After">Statements after the load: the primary key and indexes of a created table (its foreign keys come
/// after every table, see <see cref="ImportPlan.ForeignKeys"/>).</param>
/// <param name="Sequences">Statements that set each numbering sequence past the highest value loaded.</param>
/// <param name="Notes">What was left out and why (a foreign key to a table not imported).</param>
public sealed record TableLoad(
    ManifestTable Table,
    bool Create,
    IReadOnlyList<string> Before,
    string Copy,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Sequences,
    IReadOnlyList<Phrase> Notes);
