using Jaga.Core.Storage;
using Microsoft.Data.Sqlite;

using static Jaga.Sqlite.SqliteSql;

namespace Jaga.Sqlite;

/// <summary>The SQLite side of a migration: <c>jaga_schema</c> and the steps' SQL, in the caller's transaction.</summary>
internal sealed class SqliteSchemaSession(SqliteConnection c, SqliteTransaction tx) : ISchemaSession
{
    public async Task<IReadOnlyCollection<int>> AppliedAsync(CancellationToken ct)
    {
        using (var create = Command(c, tx, "CREATE TABLE IF NOT EXISTS jaga_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"))
            await create.ExecuteNonQueryAsync(ct);
        var applied = new HashSet<int>();
        using var q = Command(c, tx, "SELECT version FROM jaga_schema");
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) applied.Add(r.GetInt32(0));
        return applied;
    }

    public async Task ApplyAsync(SchemaStep step, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        using (var sql = Command(c, tx, step.Sql))
            await sql.ExecuteNonQueryAsync(ct);
        using var record = Command(c, tx, "INSERT INTO jaga_schema (version, name, applied_at) VALUES ($v, $n, $t)");
        Add(record, "$v", step.Version);
        Add(record, "$n", step.Name);
        Add(record, "$t", at.ToUnixTimeMilliseconds());
        await record.ExecuteNonQueryAsync(ct);
    }
}
