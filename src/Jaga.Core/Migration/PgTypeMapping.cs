using System.Text.RegularExpressions;
using Jaga.Core.Plan;

namespace Jaga.Core.Migration;

/// <summary>The PostgreSQL type a source column maps to: pgloader's defaults, plus booleans recognised by their declared
/// type (SQLite <c>BOOLEAN</c>, MySQL <c>tinyint(1)</c> and <c>bit(1)</c>). The table is in <c>docs/migration.md</c>.</summary>
public static partial class PgTypeMapping
{
    /// <summary>The PostgreSQL type of a column declared <paramref name="sourceType"/> in a database of
    /// <paramref name="kind"/>. PostgreSQL's own types map to themselves (the reader gives <c>format_type</c>).</summary>
    public static string Map(DatabaseKind kind, string sourceType)
    {
        ArgumentNullException.ThrowIfNull(sourceType);
        return kind switch
        {
            DatabaseKind.Sqlite => Sqlite(sourceType),
            DatabaseKind.Mysql => Mysql(sourceType),
            DatabaseKind.Postgres => sourceType,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no type mapping for this database kind"),
        };
    }

    /// <summary>SQLite declares anything; its own affinity rules (INT, then CHAR/CLOB/TEXT, BLOB, REAL/FLOA/DOUB, else
    /// NUMERIC) decide, after the names that say more: booleans, dates and times, UUIDs, JSON.</summary>
    private static string Sqlite(string declared)
    {
        var t = declared.Trim().ToUpperInvariant();
        if (t.Length == 0) return "text";
        if (t.Contains("BOOL", StringComparison.Ordinal)) return "boolean";
        if (t.Contains("DATETIME", StringComparison.Ordinal) || t.Contains("TIMESTAMP", StringComparison.Ordinal)) return "timestamptz";
        if (t.StartsWith("DATE", StringComparison.Ordinal)) return "date";
        if (t.StartsWith("TIME", StringComparison.Ordinal)) return "time";
        if (t.Contains("UUID", StringComparison.Ordinal) || t.Contains("GUID", StringComparison.Ordinal)) return "uuid";
        if (t.StartsWith("JSON", StringComparison.Ordinal)) return "jsonb";
        if (t.Contains("INT", StringComparison.Ordinal)) return "bigint";
        if (t.Contains("CHAR", StringComparison.Ordinal) || t.Contains("CLOB", StringComparison.Ordinal) || t.Contains("TEXT", StringComparison.Ordinal)) return "text";
        if (t.Contains("BLOB", StringComparison.Ordinal)) return "bytea";
        if (t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal) || t.Contains("DOUB", StringComparison.Ordinal)) return "double precision";
        return Precision().Match(t) is { Success: true } m && (t.StartsWith("NUMERIC", StringComparison.Ordinal) || t.StartsWith("DECIMAL", StringComparison.Ordinal))
            ? $"numeric({m.Groups[1].Value}{(m.Groups[2].Success ? "," + m.Groups[2].Value : "")})"
            : "numeric";
    }

    /// <summary>MySQL and MariaDB, from <c>information_schema.columns.column_type</c> (<c>int(11) unsigned</c>).</summary>
    private static string Mysql(string columnType)
    {
        var t = columnType.Trim().ToLowerInvariant();
        var unsigned = t.Contains("unsigned", StringComparison.Ordinal);
        var paren = t.IndexOfAny(['(', ' ']);
        var name = paren < 0 ? t : t[..paren];
        var precision = Precision().Match(t);
        return name switch
        {
            "tinyint" when t.StartsWith("tinyint(1)", StringComparison.Ordinal) => "boolean",
            "bit" when t is "bit(1)" or "bit" => "boolean",
            "bool" or "boolean" => "boolean",
            "tinyint" => "smallint",
            "smallint" => unsigned ? "integer" : "smallint",
            "mediumint" => "integer",
            "int" or "integer" => unsigned ? "bigint" : "integer",
            "bigint" => unsigned ? "numeric(20)" : "bigint",
            "year" => "integer",
            "decimal" or "numeric" or "dec" or "fixed" => precision.Success
                ? $"numeric({precision.Groups[1].Value}{(precision.Groups[2].Success ? "," + precision.Groups[2].Value : "")})"
                : "numeric",
            "float" => "real",
            "double" or "real" => "double precision",
            "bit" => "bigint",
            "binary" or "varbinary" or "tinyblob" or "blob" or "mediumblob" or "longblob" => "bytea",
            "date" => "date",
            "datetime" => "timestamp",
            "timestamp" => "timestamptz",
            "time" => "time",
            "json" => "jsonb",
            _ => "text",
        };
    }

    [GeneratedRegex(@"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")]
    private static partial Regex Precision();
}
