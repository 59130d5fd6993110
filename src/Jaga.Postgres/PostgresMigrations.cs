namespace Jaga.Postgres;

/// <summary>The PostgreSQL schema, one versioned step at a time; applied in order and recorded in <c>jaga_schema</c>.</summary>
/// <remarks>The same tables as SQLite's, with PostgreSQL's types: <c>time</c> is a <c>timestamptz</c> (microsecond
/// precision, so the millisecond times of sealed entries come back exactly) and readable by anyone querying the table.</remarks>
internal static class PostgresMigrations
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static readonly Migration[] All =
    [
        new(1, "audit chain and checkpoints", """
            CREATE TABLE audit (
              seq bigint PRIMARY KEY,
              time timestamptz NOT NULL,
              actor text NOT NULL,
              kind text NOT NULL,
              level text NOT NULL,
              message text NOT NULL,
              line text NOT NULL,
              data text NOT NULL,
              prev text NOT NULL,
              hash text NOT NULL
            );
            CREATE TABLE checkpoints (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              seq bigint NOT NULL,
              head text NOT NULL,
              time timestamptz NOT NULL,
              key_id text NOT NULL,
              signature text NOT NULL
            );
            """),
    ];
}
