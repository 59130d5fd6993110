using System.Runtime.CompilerServices;
using Jaga.Core.Migration;
using Npgsql;

namespace Jaga.Postgres.Migration;

/// <summary>The tables of a PostgreSQL database's <c>public</c> schema, read in one read-only snapshot. Numerics and the
/// types Jaga keeps as text (enums, arrays, intervals, json) are read as PostgreSQL writes them, so no digit is lost to a
/// .NET type.</summary>
internal sealed class PostgresMigrationSource(NpgsqlConnection connection, NpgsqlTransaction transaction, string description) : IMigrationSource
{
    private readonly Dictionary<string, (uint Oid, Dictionary<string, string> Types)> columnsByTable = new(StringComparer.Ordinal);

    public string Kind => "postgres";

    public string Description => description;

    public async Task<IReadOnlyList<SourceTable>> ReadSchemaAsync(CancellationToken ct)
    {
        var tables = new List<(uint Oid, string Name)>();
        await using (var c = Command("SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) tables.Add((r.GetFieldValue<uint>(0), r.GetString(1)));
        var result = new List<SourceTable>();
        foreach (var (oid, name) in tables) result.Add(await TableAsync(oid, name, ct));
        return result;
    }

    private async Task<SourceTable> TableAsync(uint oid, string name, CancellationToken ct)
    {
        var columns = new List<ManifestColumn>();
        const string ColumnsSql = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod),
                   CASE t.typtype WHEN 'b' THEN format_type(a.atttypid, a.atttypmod) WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE 'text' END,
                   NOT a.attnotnull,
                   a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = @oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """;
        await using (var c = Command(ColumnsSql, oid))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) columns.Add(new ManifestColumn(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetBoolean(4)));
        columnsByTable[name] = (oid, columns.ToDictionary(c => c.Name, c => c.PgType, StringComparer.Ordinal));

        var key = new List<string>();
        await using (var c = Command("SELECT a.attname FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE i.indrelid = @oid AND i.indisprimary ORDER BY k.ord", oid))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) key.Add(r.GetString(0));

        var foreignKeys = new List<ManifestForeignKey>();
        const string KeysSql = """
            SELECT array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.ord),
                   cf.relname,
                   array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.ord)
            FROM pg_constraint con JOIN pg_class cf ON cf.oid = con.confrelid
            WHERE con.contype = 'f' AND con.conrelid = @oid ORDER BY con.conname
            """;
        await using (var c = Command(KeysSql, oid))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) foreignKeys.Add(new ManifestForeignKey(r.GetFieldValue<string[]>(0), r.GetString(1), r.GetFieldValue<string[]>(2)));

        var indexes = new List<ManifestIndex>();
        const string IndexesSql = """
            SELECT ic.relname, i.indisunique,
                   array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.ord)
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = @oid AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL ORDER BY ic.relname
            """;
        await using (var c = Command(IndexesSql, oid))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) indexes.Add(new ManifestIndex(r.GetString(0), r.GetFieldValue<string[]>(2), r.GetBoolean(1)));
        return new SourceTable(name, columns, key, foreignKeys, indexes);
    }

    public async IAsyncEnumerable<object?[]> ReadRowsAsync(string table, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!columnsByTable.ContainsKey(table)) await ReadSchemaAsync(ct);
        var types = columnsByTable.TryGetValue(table, out var known) ? known.Types : [];
        var select = columns.Select(c => types.TryGetValue(c, out var type) && AsText(PgTypes.KindOf(type)) ? $"{Identifier(c)}::text" : Identifier(c));
        await using var command = Command($"SELECT {string.Join(", ", select)} FROM public.{Identifier(table)}");
        await using var r = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await r.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++) row[i] = await r.IsDBNullAsync(i, ct) ? null : r.GetValue(i);
            yield return row;
        }
    }

    /// <summary>Read as PostgreSQL's own text: numerics (more digits than decimal holds) and every type kept as text.</summary>
    private static bool AsText(PgTypeKind kind) => kind is PgTypeKind.Numeric or PgTypeKind.Text or PgTypeKind.Json or PgTypeKind.Jsonb;

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, uint? oid = null)
    {
        var c = new NpgsqlCommand(sql, connection, transaction);
        if (oid is { } o) c.Parameters.Add(new NpgsqlParameter("oid", NpgsqlTypes.NpgsqlDbType.Oid) { Value = o });
        return c;
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
