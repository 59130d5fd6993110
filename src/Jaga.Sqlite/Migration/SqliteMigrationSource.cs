using System.Text.RegularExpressions;
using Jaga.Core.Migration;
using Jaga.Core.Plan;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Jaga.Sqlite.Migration;

/// <summary>A SQLite file read for an export, inside one read transaction. Values come as SQLite stores them (integer,
/// real, text, blob): a column's declared type is only an affinity, and the export checks each value against it.</summary>
internal sealed partial class SqliteMigrationSource(SqliteConnection connection, SqliteTransaction transaction, string description) : IMigrationSource
{
    public string Kind => "sqlite";

    public string Description => description;

    /// <summary>Fails now, not at the first table, when the file is not a database.</summary>
    public async Task CheckAsync(CancellationToken ct) => await Scalar("SELECT count(*) FROM sqlite_master", ct);

    public IReadOnlyList<string> Skipped { get; private set; } = [];

    /// <summary>The tables a virtual table's module keeps its data in (FTS5, FTS3/4, R*Tree), named after it
    /// (<c>docs_data</c> for <c>docs</c>).</summary>
    private static readonly string[] ShadowSuffixes = ["data", "idx", "content", "docsize", "config", "segments", "segdir", "stat", "node", "parent", "rowid"];

    public async Task<IReadOnlyList<SourceTable>> ReadSchemaAsync(CancellationToken ct)
    {
        var all = new List<(string Name, string Sql)>();
        await using (var c = Command("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) all.Add((r.GetString(0), r.GetString(1)));
        // A virtual table (full-text search, an R*Tree) holds no rows of its own: its module keeps them in shadow tables in
        // a form only it reads. Neither is data to move; each is left out and said so.
        var virtuals = all.Where(t => VirtualModule(t.Sql) is not null).ToList();
        var shadows = all.Where(t => virtuals.Any(v => IsShadowOf(t.Name, v.Name))).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        Skipped = [.. virtuals.Select(v => Skip(v.Name, VirtualModule(v.Sql)!, shadows.Where(s => IsShadowOf(s, v.Name)).Order(StringComparer.Ordinal).ToList()))];
        var names = all.Select(t => t.Name).Where(n => !shadows.Contains(n) && virtuals.All(v => v.Name != n)).ToList();
        var tables = new List<SourceTable>();
        foreach (var name in names) tables.Add(await TableAsync(name, names, ct));
        return tables;
    }

    private static string? VirtualModule(string sql)
    {
        var m = VirtualTable().Match(sql);
        return m.Success ? m.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static bool IsShadowOf(string table, string virtualTable) =>
        table.Length > virtualTable.Length + 1 && table.StartsWith(virtualTable + "_", StringComparison.OrdinalIgnoreCase)
        && ShadowSuffixes.Contains(table[(virtualTable.Length + 1)..], StringComparer.OrdinalIgnoreCase);

    private static string Skip(string table, string module, IReadOnlyList<string> shadows) =>
        $"the virtual table {table} ({module}){(shadows.Count > 0 ? $" and its shadow tables {string.Join(", ", shadows)}" : "")} are not exported: " +
        "its rows live in its module's own format, which PostgreSQL does not read; create its counterpart in PostgreSQL " +
        "(for full-text search, a tsvector column with a GIN index) and fill it from the table it indexes";

    private async Task<SourceTable> TableAsync(string name, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var columns = new List<(string Name, string Type, bool NotNull, int Pk)>();
        await using (var c = Command($"SELECT name, type, \"notnull\", pk FROM pragma_table_info({Literal(name)}) ORDER BY cid"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) columns.Add((r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1), r.GetInt64(2) != 0, r.GetInt32(3)));
        var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        // An INTEGER PRIMARY KEY is the rowid, numbered by SQLite: the one auto-numbered key SQLite has.
        var rowid = key.Count == 1 && columns.First(c => c.Name == key[0]).Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
        var manifestColumns = columns.Select(c => new ManifestColumn(c.Name, c.Type, PgTypeMapping.Map(DatabaseKind.Sqlite, c.Type),
            !c.NotNull && !(rowid && c.Name == key[0]), rowid && c.Name == key[0])).ToList();

        var keys = new List<(long Id, string From, string Table, string? To)>();
        await using (var c = Command($"SELECT id, \"from\", \"table\", \"to\" FROM pragma_foreign_key_list({Literal(name)}) ORDER BY id, seq"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) keys.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        var foreignKeys = new List<ManifestForeignKey>();
        foreach (var fk in keys.GroupBy(k => k.Id))
        {
            var list = fk.ToList();
            // The parent as REFERENCES spells it (SQLite matches names ignoring case: `references customers` for the table
            // Customers), resolved to the table's own name by the rule the import uses; its columns likewise.
            var parent = NameMatch.Find(list[0].Table, tables) is { Found: true } p ? p.Match! : list[0].Table;
            var parentColumns = await ColumnsAsync(parent, ct);
            // REFERENCES parent without columns means the parent's primary key.
            var to = list.All(k => k.To is not null)
                ? list.Select(k => NameMatch.Find(k.To!, parentColumns) is { Found: true } m ? m.Match! : k.To!).ToList()
                : await PrimaryKeyAsync(parent, ct);
            foreignKeys.Add(new ManifestForeignKey(list.Select(k => k.From).ToList(), parent, to));
        }

        var indexes = new List<ManifestIndex>();
        var listed = new List<(string Name, bool Unique)>();
        await using (var c = Command($"SELECT name, \"unique\" FROM pragma_index_list({Literal(name)}) WHERE origin <> 'pk' AND partial = 0 ORDER BY name"))
        await using (var r = await c.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) listed.Add((r.GetString(0), r.GetInt64(1) != 0));
        foreach (var (index, unique) in listed)
        {
            var on = new List<string?>();
            await using var c = Command($"SELECT name FROM pragma_index_info({Literal(index)}) ORDER BY seqno");
            await using var r = await c.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) on.Add(r.IsDBNull(0) ? null : r.GetString(0));
            // An index on an expression has no column to name: PostgreSQL would need the expression, which SQLite's differs from.
            if (on.Count > 0 && on.All(n => n is not null)) indexes.Add(new ManifestIndex(index, on!, unique));
        }
        return new SourceTable(name, manifestColumns, key, foreignKeys, indexes);
    }

    private async Task<List<string>> ColumnsAsync(string table, CancellationToken ct)
    {
        var names = new List<string>();
        await using var c = Command($"SELECT name FROM pragma_table_info({Literal(table)})");
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) names.Add(r.GetString(0));
        return names;
    }

    private async Task<IReadOnlyList<string>> PrimaryKeyAsync(string table, CancellationToken ct)
    {
        var key = new List<(int Pk, string Name)>();
        await using var c = Command($"SELECT pk, name FROM pragma_table_info({Literal(table)}) WHERE pk > 0");
        await using var r = await c.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) key.Add((r.GetInt32(0), r.GetString(1)));
        return key.OrderBy(k => k.Pk).Select(k => k.Name).ToList();
    }

    public IAsyncEnumerable<object?[]> ReadRowsAsync(string table, IReadOnlyList<string> columns, CancellationToken ct) =>
        Rows(table, columns, ct).ToAsyncEnumerable();

    /// <summary>The rows through SQLitePCLRaw's own calls (prepare, step, column_*), which Microsoft.Data.Sqlite makes
    /// too: its reader asks each value's type twice (IsDBNull, then GetValue) and adds a layer per value, about half of
    /// the export's time (bench/migrate, profiled with dotnet-trace). The values are those its GetValue gives: long,
    /// double, string, byte[] or null.</summary>
    private IEnumerable<object?[]> Rows(string table, IReadOnlyList<string> columns, CancellationToken ct)
    {
        var sql = $"SELECT {string.Join(", ", columns.Select(Identifier))} FROM {Identifier(table)}";
        var db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        using (statement)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
            var count = columns.Count;
            long n = 0;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++n % 10_000 == 0) ct.ThrowIfCancellationRequested();
                var row = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    row[i] = raw.sqlite3_column_type(statement, i) switch
                    {
                        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, i),
                        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, i),
                        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, i).utf8_to_string(),
                        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, i).ToArray(),
                        _ => null,
                    };
                }
                yield return row;
            }
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Another connection to the same file, inside a read transaction taken while this one holds its own. In
    /// a rollback-journal database (SQLite's default) a reader's SHARED lock keeps every writer from committing, so
    /// the two read the same state. In WAL mode a writer may commit between the two, so there is no second reader and
    /// the export reads on one connection (docs/migration.md, "One snapshot").</summary>
    public async Task<IMigrationSource?> OpenSameSnapshotAsync(CancellationToken ct)
    {
        if (string.Equals(await Scalar("PRAGMA journal_mode", ct) as string, "wal", StringComparison.OrdinalIgnoreCase)) return null;
        var second = new SqliteConnection(connection.ConnectionString);
        try
        {
            await second.OpenAsync(ct);
            var transaction2 = second.BeginTransaction(deferred: true);
            var source = new SqliteMigrationSource(second, transaction2, description);
            // The first read takes the SHARED lock: from here both transactions hold one. A writer waiting to commit
            // refuses new readers; then the export goes on with one connection instead of waiting for it.
            await using (var c = source.Command("SELECT count(*) FROM sqlite_master"))
            {
                c.CommandTimeout = 1;
                await c.ExecuteScalarAsync(ct);
            }
            return source;
        }
        catch (SqliteException)
        {
            await second.DisposeAsync();
            return null;
        }
    }

    public async Task<long?> CountRowsAsync(string table, CancellationToken ct) =>
        Convert.ToInt64(await Scalar($"SELECT count(*) FROM {Identifier(table)}", ct), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var c = connection.CreateCommand();
        c.Transaction = transaction;
        c.CommandText = sql;
        return c;
    }

    private async Task<object?> Scalar(string sql, CancellationToken ct)
    {
        await using var c = Command(sql);
        return await c.ExecuteScalarAsync(ct);
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^\s*CREATE\s+VIRTUAL\s+TABLE\s.*?\bUSING\s+(\w+)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex VirtualTable();
}
