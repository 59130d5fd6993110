namespace Jaga.Core.Migration.Import;

/// <summary>One connection to the import's target: what the planner must know of its tables, a transaction, SQL the
/// planner wrote, and COPY of a CSV file. Whatever fails (a statement refused, a privilege missing, the connection
/// lost) throws <see cref="TargetRefusedException"/>, its <see cref="TargetRefusedException.Failure"/> saying which.</summary>
public interface IImportSession : IAsyncDisposable
{
    /// <summary>The names of the tables the target's search path shows, so the export's names can be matched to them
    /// (<see cref="NameMatch"/>).</summary>
    Task<IReadOnlyList<string>> TablesAsync(CancellationToken ct);

    /// <summary>The table as it exists in the target's search path, or null when there is none.</summary>
    Task<TargetTable?> DescribeAsync(string table, CancellationToken ct);

    /// <summary>True when the table holds at least one row.</summary>
    Task<bool> HasRowsAsync(string table, CancellationToken ct);

    Task BeginAsync(CancellationToken ct);

    Task CommitAsync(CancellationToken ct);

    /// <summary>Rolls back the open transaction, if any; never throws for a connection already broken.</summary>
    Task RollbackAsync(CancellationToken ct);

    /// <summary>Runs statements the planner wrote (DDL, TRUNCATE, setval, ANALYZE); a statement PostgreSQL refuses (a
    /// duplicate key, a foreign key without its parent) throws <see cref="TargetRefusedException"/>.</summary>
    Task ExecuteAsync(string sql, CancellationToken ct);

    /// <summary>Streams <paramref name="csv"/> (with its header row) into the table with <paramref name="copySql"/>, calling
    /// <paramref name="sent"/> with each count of bytes sent. A row PostgreSQL refuses throws
    /// <see cref="TargetRefusedException"/>. (PostgreSQL's text COPY does not say how many rows it read: the manifest
    /// does, for the file whose SHA-256 was checked.)</summary>
    Task CopyCsvAsync(string copySql, Stream csv, Action<long>? sent, CancellationToken ct);
}
