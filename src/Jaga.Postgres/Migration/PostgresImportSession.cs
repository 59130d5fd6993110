using System.Text.RegularExpressions;
using Jaga.Core.Migration.Import;
using Npgsql;

namespace Jaga.Postgres.Migration;

/// <summary>One connection of an import: it describes tables, runs the planner's statements, and streams CSV files
/// through COPY. PostgreSQL's refusals become <see cref="TargetRefusedException"/> with their context.</summary>
internal sealed partial class PostgresImportSession(NpgsqlConnection connection) : IImportSession
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

    private const string TablesSql = """
        SELECT c.relname FROM pg_class c
        WHERE c.relkind IN ('r', 'p') AND pg_table_is_visible(c.oid) AND NOT c.relispartition
        ORDER BY c.relname
        """;

    private NpgsqlTransaction? transaction;

    public Task<IReadOnlyList<string>> TablesAsync(CancellationToken ct) => Refused<IReadOnlyList<string>>(async () =>
    {
        await using var command = new NpgsqlCommand(TablesSql, connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    });

    public Task<TargetTable?> DescribeAsync(string table, CancellationToken ct) => Refused(() => DescribeCoreAsync(table, ct));

    private async Task<TargetTable?> DescribeCoreAsync(string table, CancellationToken ct)
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

    public Task<bool> HasRowsAsync(string table, CancellationToken ct) => Refused(async () =>
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Sql.Name(table)})", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    });

    public Task BeginAsync(CancellationToken ct) => Refused(async () => transaction = await connection.BeginTransactionAsync(ct));

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

    /// <summary>What PostgreSQL (or the connection) said, split into what may be kept and what is shown only: the
    /// reason without a row's values (a data error's quoted value dropped, the DETAIL left out), the full text as
    /// <see cref="TargetRefusedException.Detail"/>, and the kind of failure.</summary>
    internal static TargetRefusedException Translate(Exception e) => e switch
    {
        PostgresException p => new TargetRefusedException(SafeReason(p), p.Where, p)
        {
            Detail = Full(p) is var full && full != SafeReason(p) ? full : null,
            Failure = p.SqlState switch
            {
                PostgresErrorCodes.InsufficientPrivilege => TargetFailure.Denied,
                PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => TargetFailure.Lost,
                _ when p.SqlState.StartsWith("08", StringComparison.Ordinal) => TargetFailure.Lost,
                _ => TargetFailure.Refused,
            },
        },
        _ => new TargetRefusedException(e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message, null, e) { Failure = TargetFailure.Lost },
    };

    /// <summary>PostgreSQL's message without the values of a row: a data error (SQLSTATE class 22) quotes the value it
    /// refused (<c>invalid input syntax for type numeric: "abc"</c>), which is left out; the names of constraints,
    /// tables and columns that other errors quote stay. The DETAIL (<c>Key (email)=(x@y) already exists</c>,
    /// <c>Failing row contains (…)</c>) is never part of it.</summary>
    internal static string SafeReason(PostgresException p)
    {
        if (!p.SqlState.StartsWith("22", StringComparison.Ordinal)) return p.MessageText;
        return Quoted().Replace(TrailingValue().Replace(p.MessageText, ""), "\"…\"");
    }

    /// <summary>PostgreSQL's message with its detail, as the terminal shows it.</summary>
    private static string Full(PostgresException p) => p.Detail is { Length: > 0 } detail ? $"{p.MessageText} ({detail})" : p.MessageText;

    /// <summary>The reason a connection could not be opened (no row is involved).</summary>
    internal static string Reason(Exception e) => e switch
    {
        PostgresException p => Full(p),
        _ => e.Message,
    };

    private Task Refused(Func<Task> action) => Refused(async () =>
    {
        await action();
        return true;
    });

    private async Task<T> Refused<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (PostgresException e)
        {
            throw Translate(e);
        }
        catch (Exception e) when (e is NpgsqlException or IOException || (e is InvalidOperationException && connection.FullState.HasFlag(System.Data.ConnectionState.Broken)))
        {
            throw Translate(e);
        }
    }

    [GeneratedRegex(@": ""(?:[^""]|"""")*""$", RegexOptions.Singleline)]
    private static partial Regex TrailingValue();

    [GeneratedRegex(@"""(?:[^""]|"""")*""", RegexOptions.Singleline)]
    private static partial Regex Quoted();
}
