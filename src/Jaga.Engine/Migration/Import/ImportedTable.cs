namespace Jaga.Engine.Migration.Import;

/// <summary>One table the import loaded.</summary>
/// <param name="Name">The table.</param>
/// <param name="Rows">Rows loaded.</param>
/// <param name="Created">True when the import created it; false when it loaded into the existing table.</param>
/// <param name="Truncated">True when it held rows that <c>--truncate</c> removed first.</param>
/// <param name="Elapsed">From its first statement to its load's end.</param>
/// <param name="Notes">What was left out and why (a foreign key to a table not imported), in the import's language.</param>
public sealed record ImportedTable(string Name, long Rows, bool Created, bool Truncated, TimeSpan Elapsed, IReadOnlyList<string> Notes);
