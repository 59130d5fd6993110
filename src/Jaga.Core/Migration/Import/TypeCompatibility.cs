using System.Text.RegularExpressions;

namespace Jaga.Core.Migration.Import;

/// <summary>Which exported types may be loaded into which existing PostgreSQL column types.</summary>
/// <remarks>Types are compared by family, not by name, since an application's migrations seldom pick the mapping's exact
/// type (<c>integer</c> for <c>bigint</c>, <c>varchar(80)</c> for <c>text</c>): a value that does not fit (too long, out
/// of range) is then reported at its line by the load. Text may go into a date, time, uuid or JSON column (SQLite keeps
/// those as text); not into a number, boolean or bytea column, which means the two schemas disagree.</remarks>
public static partial class TypeCompatibility
{
    public enum Family { Integer, Exact, Float, Boolean, Text, Bytes, Timestamp, Date, Time, Uuid, Json, Other }

    /// <summary>The family of a type as the manifest or <c>format_type</c> writes it.</summary>
    public static Family Of(string type)
    {
        var t = Base(type);
        return t switch
        {
            "smallint" or "integer" or "int" or "int2" or "int4" or "int8" or "bigint" or "smallserial" or "serial" or "bigserial" => Family.Integer,
            "numeric" or "decimal" or "money" => Family.Exact,
            "real" or "double precision" or "float4" or "float8" or "float" => Family.Float,
            "boolean" or "bool" => Family.Boolean,
            "text" or "character varying" or "varchar" or "character" or "char" or "bpchar" or "citext" or "name" => Family.Text,
            "bytea" => Family.Bytes,
            "timestamp" or "timestamptz" or "timestamp with time zone" or "timestamp without time zone" => Family.Timestamp,
            "date" => Family.Date,
            "time" or "timetz" or "time with time zone" or "time without time zone" => Family.Time,
            "uuid" => Family.Uuid,
            "json" or "jsonb" => Family.Json,
            _ => Family.Other,
        };
    }

    /// <summary>True when values of <paramref name="exported"/> load into a <paramref name="target"/> column.</summary>
    public static bool Loads(string exported, string target)
    {
        var (from, to) = (Of(exported), Of(target));
        return (from, to) switch
        {
            _ when from == to && from != Family.Other => true,
            (Family.Other, Family.Other) => Base(exported) == Base(target),
            (_, Family.Text) => true,
            (Family.Integer, Family.Exact or Family.Float) => true,
            (Family.Exact or Family.Float, Family.Exact or Family.Float) => true,
            (Family.Date, Family.Timestamp) => true,
            (Family.Text, Family.Timestamp or Family.Date or Family.Time or Family.Uuid or Family.Json) => true,
            _ => false,
        };
    }

    /// <summary>True for a type name the planner may write into CREATE TABLE as it is (words, digits, one size, array
    /// brackets): the manifest is a file, and its text must not become arbitrary SQL.</summary>
    public static bool IsPlainTypeName(string type) => PlainType().IsMatch(type);

    private static string Base(string type)
    {
        var t = type.Trim().ToLowerInvariant();
        var paren = t.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            var close = t.IndexOf(')', paren);
            t = (t[..paren] + (close < 0 ? "" : t[(close + 1)..])).Trim();
        }
        return MultipleSpaces().Replace(t, " ");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?( with(out)? time zone)?(\[\])?$")]
    private static partial Regex PlainType();

    [GeneratedRegex(@"\s+")]
    private static partial Regex MultipleSpaces();
}
