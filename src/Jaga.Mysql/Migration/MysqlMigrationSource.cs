using System.Runtime.CompilerServices;
using Jaga.Core.Migration;
using Jaga.Core.Plan;
using MySqlConnector;

namespace Jaga.Mysql.Migration;

/// <summary>The base tables of a MySQL or MariaDB database, read in one consistent snapshot.</summary>
internal sealed class MysqlMigrationSource(MySqlConnection connection, string description) : IMigrationSource
{
    public string Kind => "mysql";

    public string Description => description;

    public async Task<IReadOnlyList<SourceTable>> ReadSchemaAsync(CancellationToken ct)
    {
        var names = new List<string>();
        await using (var c = Command("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) names.Add(r.GetString(0));
        var tables = new List<SourceTable>();
        foreach (var name in names) tables.Add(await TableAsync(name, ct));
        return tables;
    }

    private async Task<SourceTable> TableAsync(string name, CancellationToken ct)
    {
        var columns = new List<ManifestColumn>();
        await using (var c = Command("SELECT column_name, column_type, is_nullable, extra FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = @t ORDER BY ordinal_position", name))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var type = r.GetString(1);
                columns.Add(new ManifestColumn(r.GetString(0), type, PgTypeMapping.Map(DatabaseKind.Mysql, type), r.GetString(2) == "YES",
                    r.GetString(3).Contains("auto_increment", StringComparison.OrdinalIgnoreCase)));
            }

        var key = new List<string>();
        await using (var c = Command("SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = @t AND constraint_name = 'PRIMARY' ORDER BY ordinal_position", name))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) key.Add(r.GetString(0));

        var parts = new List<(string Constraint, string Column, string Table, string To)>();
        await using (var c = Command("SELECT constraint_name, column_name, referenced_table_name, referenced_column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = @t AND referenced_table_name IS NOT NULL ORDER BY constraint_name, ordinal_position", name))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) parts.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        var foreignKeys = parts.GroupBy(p => p.Constraint)
            .Select(g => new ManifestForeignKey(g.Select(p => p.Column).ToList(), g.First().Table, g.Select(p => p.To).ToList())).ToList();

        var entries = new List<(string Index, bool Unique, string? Column)>();
        await using (var c = Command("SELECT index_name, non_unique, column_name FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = @t AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index", name))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) entries.Add((r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 0, r.IsDBNull(2) ? null : r.GetString(2)));
        // An index on an expression has no column to name; it is left to the application's migrations.
        var indexes = entries.GroupBy(e => e.Index).Where(g => g.All(e => e.Column is not null))
            .Select(g => new ManifestIndex(g.Key, g.Select(e => e.Column!).ToList(), g.First().Unique)).ToList();
        return new SourceTable(name, columns, key, foreignKeys, indexes);
    }

    public async IAsyncEnumerable<object?[]> ReadRowsAsync(string table, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = Command($"SELECT {string.Join(", ", columns.Select(Identifier))} FROM {Identifier(table)}");
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var c = Command("ROLLBACK");
            await c.ExecuteNonQueryAsync();
        }
        catch (MySqlException)
        {
            // A connection that broke has no transaction left to end; closing it is all that remains.
        }
        await connection.DisposeAsync();
    }

    private MySqlCommand Command(string sql, string? table = null)
    {
        var c = new MySqlCommand(sql, connection);
        if (table is not null) c.Parameters.AddWithValue("@t", table);
        return c;
    }

    private static string Identifier(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
