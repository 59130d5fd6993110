namespace Jaga.Core.Migration;

/// <summary>Reads a PostgreSQL type as written in a manifest (<c>numeric(10,2)</c>, <c>timestamp with time zone</c>,
/// <c>character varying(20)</c>) into its <see cref="PgTypeKind"/>.</summary>
public static class PgTypes
{
    public static PgTypeKind KindOf(string pgType)
    {
        ArgumentNullException.ThrowIfNull(pgType);
        var t = pgType.Trim().ToLowerInvariant();
        if (t.EndsWith("[]", StringComparison.Ordinal)) return PgTypeKind.Text;
        var paren = t.IndexOf('(', StringComparison.Ordinal);
        // "timestamp(3) with time zone" keeps its words after the precision.
        var name = paren < 0 ? t : (t[..paren] + t[(t.IndexOf(')', paren) + 1)..]).Trim();
        return name switch
        {
            "boolean" or "bool" => PgTypeKind.Boolean,
            "smallint" or "int2" => PgTypeKind.SmallInt,
            "integer" or "int" or "int4" => PgTypeKind.Integer,
            "bigint" or "int8" => PgTypeKind.BigInt,
            "numeric" or "decimal" => PgTypeKind.Numeric,
            "real" or "float4" => PgTypeKind.Real,
            "double precision" or "float8" => PgTypeKind.Double,
            "bytea" => PgTypeKind.Bytea,
            "timestamptz" or "timestamp with time zone" => PgTypeKind.TimestampTz,
            "timestamp" or "timestamp without time zone" => PgTypeKind.Timestamp,
            "date" => PgTypeKind.Date,
            "time" or "time without time zone" => PgTypeKind.Time,
            "uuid" => PgTypeKind.Uuid,
            "json" => PgTypeKind.Json,
            "jsonb" => PgTypeKind.Jsonb,
            _ => PgTypeKind.Text,
        };
    }

    /// <summary>Whether values of <paramref name="kind"/> are integers.</summary>
    public static bool IsInteger(PgTypeKind kind) => kind is PgTypeKind.SmallInt or PgTypeKind.Integer or PgTypeKind.BigInt;
}
