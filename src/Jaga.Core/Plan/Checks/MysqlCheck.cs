namespace Jaga.Core.Plan;

/// <summary>A MySQL/MariaDB login and query (<c>mysql: mysql://…</c>).</summary>
public sealed record MysqlCheck(
    string Name, string Mysql, string? Query, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn,
    Alert? Alert)
    : DatabaseCheck(Name, Query, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "mysql";

    public override string Target => Mysql;

    public override DatabaseKind Database => DatabaseKind.Mysql;
}
