namespace Jaga.Core.Migration;

/// <summary>One database opened for reading by <c>jaga migrate export</c> and <c>verify</c>: its tables and their rows.
/// Each technology (SQLite, PostgreSQL, MySQL/MariaDB) serves one through its <see cref="IMigrationSourceAdapter"/>.</summary>
public interface IMigrationSource : IAsyncDisposable
{
    /// <summary>sqlite, postgres or mysql: the manifest's <c>source_kind</c>.</summary>
    string Kind { get; }

    /// <summary>The database's URL with any password masked, fit for output, logs and the manifest.</summary>
    string Description { get; }

    /// <summary>The user tables with their columns (source and PostgreSQL types, see <see cref="PgTypeMapping"/>), keys
    /// and indexes, in the database's own order (by name).</summary>
    Task<IReadOnlyList<SourceTable>> ReadSchemaAsync(CancellationToken ct);

    /// <summary>The tables <see cref="ReadSchemaAsync"/> left out, each as a sentence saying which and why (SQLite's
    /// virtual tables and their shadow tables); set by it, empty before.</summary>
    IReadOnlyList<string> Skipped => [];

    /// <summary>Streams the rows of <paramref name="table"/>, the values of <paramref name="columns"/> in that order, as
    /// the driver gives them (long, double, decimal, string, byte[], bool, DateTime, DateTimeOffset, DateOnly, TimeSpan,
    /// Guid… or null for NULL). <see cref="ExportValue"/> turns them into the export's text. One array per row, reused
    /// by no one: the caller may keep it.</summary>
    IAsyncEnumerable<object?[]> ReadRowsAsync(string table, IReadOnlyList<string> columns, CancellationToken ct);

    /// <summary>A second reader of this source's very snapshot, on a connection of its own, so that tables can be read
    /// at once on several cores; null when the source cannot promise the same snapshot (the default). The caller
    /// disposes it.</summary>
    Task<IMigrationSource?> OpenSameSnapshotAsync(CancellationToken ct) => Task.FromResult<IMigrationSource?>(null);

    /// <summary>The rows of <paramref name="table"/> in this snapshot, to share tables fairly between readers; null when
    /// counting is not cheap (the default).</summary>
    Task<long?> CountRowsAsync(string table, CancellationToken ct) => Task.FromResult<long?>(null);
}
