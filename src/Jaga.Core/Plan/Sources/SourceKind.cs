namespace Jaga.Core.Plan;

/// <summary>The kind of a backup's source, as manifests record it (<c>postgres</c>, <c>sqlite</c>, <c>mysql</c>, <c>files</c>):
/// what a restore target must be able to take.</summary>
public enum SourceKind
{
    Postgres,
    Sqlite,
    Mysql,
    Files,
}
