namespace Jaga.Core.Migration;

/// <summary>The families of PostgreSQL types an export writes and hashes differently (<c>docs/migration.md</c>).</summary>
public enum PgTypeKind
{
    /// <summary>text, varchar, char, and every type Jaga keeps as its text (enums, arrays, intervals…).</summary>
    Text,
    Boolean,
    SmallInt,
    Integer,
    BigInt,
    Numeric,
    Real,
    Double,
    Bytea,
    TimestampTz,
    Timestamp,
    Date,
    Time,
    Uuid,
    Json,
    Jsonb,
}
