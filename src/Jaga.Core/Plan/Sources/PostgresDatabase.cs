namespace Jaga.Core.Plan;

/// <summary>A PostgreSQL database (<c>postgres: postgres://…</c>), dumped with pg_dump.</summary>
public sealed record PostgresDatabase(string Postgres) : BackupSource
{
    public override SourceKind Kind => SourceKind.Postgres;

    public override string Where => Postgres;
}
