namespace Jaga.Core.Plan;

/// <summary>A MySQL or MariaDB database (<c>mysql: mysql://…</c>); accepted by the plan, refused by validation until a
/// release backs it up.</summary>
public sealed record MysqlDatabase(string Mysql) : BackupSource
{
    public override SourceKind Kind => SourceKind.Mysql;

    public override string Where => Mysql;
}
