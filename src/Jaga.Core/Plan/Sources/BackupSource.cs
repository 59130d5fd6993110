namespace Jaga.Core.Plan;

/// <summary>What a backup job backs up: one of <see cref="PostgresDatabase"/>, <see cref="SqliteDatabase"/>,
/// <see cref="MysqlDatabase"/>, <see cref="FileSet"/>.</summary>
public abstract record BackupSource
{
    public abstract SourceKind Kind { get; }

    /// <summary>What the plan names, for display (a URL, a path, a list of paths).</summary>
    public abstract string Where { get; }
}
