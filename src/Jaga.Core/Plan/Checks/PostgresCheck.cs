namespace Jaga.Core.Plan;

/// <summary>A PostgreSQL login and query (<c>postgres: postgres://…</c>).</summary>
public sealed record PostgresCheck(
    string Name, string Postgres, string? Query, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn,
    Alert? Alert)
    : DatabaseCheck(Name, Query, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "postgres";

    public override string Target => Postgres;

    public override DatabaseKind Database => DatabaseKind.Postgres;
}
