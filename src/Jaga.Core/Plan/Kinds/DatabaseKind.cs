namespace Jaga.Core.Plan;

/// <summary>The database technologies the plan can name; each is served by one adapter.</summary>
public enum DatabaseKind
{
    Postgres,
    Sqlite,
    Mysql,
}
