using Jaga.Core.Ledger;
using Jaga.Core.Storage;
using Npgsql;

namespace Jaga.Postgres;

/// <summary>The PostgreSQL side of a migration: <c>jaga_schema</c> and the steps' SQL, in the caller's transaction (which
/// holds the migration lock, so two processes opening a new database at once do not both create the tables).</summary>
internal sealed class PostgresSchemaSession(NpgsqlConnection c, NpgsqlTransaction tx) : ISchemaSession
{
    public async Task<IReadOnlyCollection<int>> AppliedAsync(CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS jaga_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)", c, tx))
            await create.ExecuteNonQueryAsync(ct);
        var applied = new HashSet<int>();
        await using var q = new NpgsqlCommand("SELECT version FROM jaga_schema", c, tx);
        await using var r = await q.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) applied.Add(r.GetInt32(0));
        return applied;
    }

    public async Task ApplyAsync(SchemaStep step, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(step);
        await using (var sql = new NpgsqlCommand(step.Sql, c, tx))
            await sql.ExecuteNonQueryAsync(ct);
        await using var record = new NpgsqlCommand("INSERT INTO jaga_schema (version, name, applied_at) VALUES ($1, $2, $3)", c, tx);
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = step.Version });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = step.Name });
        record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = AuditEntry.ToMilliseconds(at) });
        await record.ExecuteNonQueryAsync(ct);
    }
}
