namespace Jaga.Core.Migration.Import;

/// <summary>Quoting for the SQL the import writes: names always as quoted identifiers (a table called <c>order</c> or
/// <c>Customer</c> keeps its name), text as literals.</summary>
public static class Sql
{
    public static string Name(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(Name));
}
