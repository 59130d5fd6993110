namespace Jaga.Core.Migration.Import;

/// <summary>A column of an existing target table.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type as PostgreSQL formats it (<c>format_type</c>: <c>bigint</c>, <c>character varying(80)</c>).</param>
/// <param name="NotNull">True for NOT NULL.</param>
/// <param name="HasDefault">True when it has a default or is an identity column, so a row may leave it out.</param>
/// <param name="Sequence">The sequence that numbers it (serial or identity), or null.</param>
public sealed record TargetColumn(string Name, string Type, bool NotNull, bool HasDefault, string? Sequence);
