namespace Jaga.Core.Plan;

/// <summary>A query on a SQLite file, opened read-only so a check never creates or changes it (<c>sqlite: path</c>).</summary>
public sealed record SqliteCheck(
    string Name, string Sqlite, string? Query, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn,
    Alert? Alert)
    : DatabaseCheck(Name, Query, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "sqlite";

    public override string Target => Sqlite;

    public override DatabaseKind Database => DatabaseKind.Sqlite;
}
