using Jaga.Core.Migration.Import;
using Npgsql;

namespace Jaga.Postgres.Migration;

/// <summary>One connection of an import: it describes tables, runs the planner's statements, and streams CSV files
/// through COPY. PostgreSQL's refusals become <see cref="TargetRefusedException"/> with their context.</summary>
internal sealed class PostgresImportSession(NpgsqlConnection connection) : IImportSession
{
    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               a.atthasdef OR a.attidentity <> '', pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.oid = to_regclass(@name)
        ORDER BY a.attnum
        """;

    private NpgsqlTransaction? transaction;

    public async Task<TargetTable?> DescribeAsync(string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ColumnsSql, connection);
        command.Parameters.AddWithValue("name", Sql.Name(table));
        var columns = new List<TargetColumn>();
        string? name = null;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                name = reader.GetString(0);
                columns.Add(new TargetColumn(reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5)));
            }
        }
        return name is null ? null : new TargetTable(name, columns);
    }

    public async Task<bool> HasRowsAsync(string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Sql.Name(table)})", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task BeginAsync(CancellationToken ct) => transaction = await connection.BeginTransactionAsync(ct);

    public async Task CommitAsync(CancellationToken ct)
    {
        await Refused(() => transaction!.CommitAsync(ct));
        await transaction!.DisposeAsync();
        transaction = null;
    }

    public async Task RollbackAsync(CancellationToken ct)
    {
        if (transaction is null) return;
        try
        {
            await transaction.RollbackAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection rolls the transaction back on the server by itself.
        }
        await transaction.DisposeAsync();
        transaction = null;
    }

    public Task ExecuteAsync(string sql, CancellationToken ct) => Refused(async () =>
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    });

    public Task CopyCsvAsync(string copySql, Stream csv, Action<long>? sent, CancellationToken ct) => Refused(async () =>
    {
        var writer = await connection.BeginTextImportAsync(copySql, ct);
        try
        {
            // The file's bytes go to the COPY stream as they are: decoding them to text and encoding them back would only
            // cost time, since the export is UTF-8 and so is the COPY (ENCODING 'UTF8').
            var raw = writer.BaseStream;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await csv.ReadAsync(buffer, ct)) > 0)
            {
                await raw.WriteAsync(buffer.AsMemory(0, read), ct);
                sent?.Invoke(read);
            }
        }
        catch (OperationCanceledException)
        {
            await writer.CancelAsync();
            throw;
        }
        finally
        {
            await writer.DisposeAsync();
        }
    });

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    /// <summary>PostgreSQL's message, with its detail (which row a key points at) when it gives one.</summary>
    internal static string Reason(Exception e) => e switch
    {
        PostgresException p => p.Detail is { Length: > 0 } detail ? $"{p.MessageText} ({detail})" : p.MessageText,
        _ => e.Message,
    };

    private static async Task Refused(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PostgresException e)
        {
            throw new TargetRefusedException(Reason(e), e.Where, e);
        }
    }
}
