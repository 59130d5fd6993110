namespace Jaga.Sqlite;

/// <summary>The SQLite schema, one versioned step at a time; applied in order and recorded in <c>jaga_schema</c>.</summary>
internal static class SqliteMigrations
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static readonly Migration[] All =
    [
        new(1, "audit chain and checkpoints", """
            CREATE TABLE audit (
              seq INTEGER PRIMARY KEY,
              time_ms INTEGER NOT NULL,
              actor TEXT NOT NULL,
              kind TEXT NOT NULL,
              level TEXT NOT NULL,
              message TEXT NOT NULL,
              line TEXT NOT NULL,
              data TEXT NOT NULL,
              prev TEXT NOT NULL,
              hash TEXT NOT NULL
            );
            CREATE TABLE checkpoints (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              seq INTEGER NOT NULL,
              head TEXT NOT NULL,
              time_ms INTEGER NOT NULL,
              key_id TEXT NOT NULL,
              signature TEXT NOT NULL
            );
            """),
    ];
}
