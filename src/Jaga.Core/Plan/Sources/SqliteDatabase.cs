namespace Jaga.Core.Plan;

/// <summary>A SQLite file (<c>sqlite: data/app.db</c>), copied with the online backup API.</summary>
public sealed record SqliteDatabase(string Sqlite) : BackupSource
{
    public override SourceKind Kind => SourceKind.Sqlite;

    public override string Where => Sqlite;
}
