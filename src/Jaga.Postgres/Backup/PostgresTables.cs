using Npgsql;

namespace Jaga.Postgres.Backup;

/// <summary>The user tables of a database and their row counts, named <c>schema.table</c>: what a backup records and
/// a restore is checked against.</summary>
internal static class PostgresTables
{
    // Ordinary and unlogged tables, partitions included (their partitioned parents hold no rows of their own),
    // without the system schemas and without tables an extension creates, since CREATE EXTENSION makes those anew.
    private const string List = """
        SELECT n.nspname, c.relname
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r'
          AND c.relpersistence IN ('p', 'u')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%'
          AND n.nspname NOT LIKE 'pg\_temp\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY n.nspname, c.relname
        """;

    public static async Task<IReadOnlyList<(string Schema, string Table)>> ListAsync(NpgsqlConnection c, CancellationToken ct)
    {
        var tables = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand(List, c);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) tables.Add((r.GetString(0), r.GetString(1)));
        return tables;
    }

    /// <summary>Counts every user table's rows, in the connection's current transaction if it has one.</summary>
    public static Task<IReadOnlyDictionary<string, long>> CountAsync(NpgsqlConnection c, CancellationToken ct) =>
        CountAsync(c, new Dictionary<string, long>(), ct);

    /// <summary>Every user table's rows: those in <paramref name="known"/> (counted in the dump) as they are there, the
    /// others counted by the server, in the connection's current transaction if it has one. Tables in
    /// <paramref name="known"/> that are not user tables (an extension's configuration table) are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountAsync(NpgsqlConnection c, IReadOnlyDictionary<string, long> known, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (schema, table) in await ListAsync(c, ct))
        {
            if (known.TryGetValue($"{schema}.{table}", out var rows))
            {
                counts[$"{schema}.{table}"] = rows;
                continue;
            }
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {Quote(schema)}.{Quote(table)}", c);
            counts[$"{schema}.{table}"] = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        return counts;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
