using Jaga.Core.Plan;

namespace Jaga.Core.Ports;

/// <summary>What a backup is taken from: a PostgreSQL database (pg_dump), a SQLite file (online backup API), files (tar).</summary>
public interface IBackupSource
{
    SourceKind Kind { get; }

    /// <summary>The artifact's first extension, before compression and encryption: <c>.sql</c>, <c>.dump</c>, <c>.db</c>, <c>.tar</c>.</summary>
    string Extension { get; }

    /// <summary>Writes the whole backup to <paramref name="output"/> (streaming, bounded memory) and says what it contained.
    /// Failures a user can fix (wrong password, missing database, no suitable pg_dump) throw <see cref="BackupSourceException"/>.</summary>
    Task<SourceSnapshot> WriteAsync(Stream output, CancellationToken ct = default);
}

/// <summary>What a source recorded about the backup it wrote. <paramref name="Tables"/> holds per-table row counts
/// (schema-qualified for PostgreSQL) taken in the same snapshot as the dump; for files, one entry per top-level path with its file count.</summary>
public sealed record SourceSnapshot(string? ServerVersion, IReadOnlyDictionary<string, string> Tools, IReadOnlyDictionary<string, long> Tables);

/// <summary>A place a backup can be restored into: a PostgreSQL database, a SQLite file, a folder.</summary>
public interface IRestoreTarget
{
    /// <summary>Where, for humans, with any password removed.</summary>
    string Description { get; }

    /// <summary>What is there now: empty, or what a restore would overwrite (tables with row counts, files).</summary>
    Task<TargetState> InspectAsync(CancellationToken ct = default);

    /// <summary>Restores from <paramref name="plain"/>: the artifact already decrypted and decompressed.</summary>
    Task RestoreAsync(Stream plain, CancellationToken ct = default);

    /// <summary>Per-table row counts (or per-path file counts), named as in <see cref="SourceSnapshot.Tables"/>.</summary>
    Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken ct = default);
}

/// <summary>What a restore target holds now. <paramref name="Contents"/> is a short human list (at most ~20 items).</summary>
public sealed record TargetState(bool IsEmpty, IReadOnlyList<string> Contents);

/// <summary>A source or restore failed for a reason the user can fix; the message names it and holds no secret.</summary>
public sealed class BackupSourceException(string message, Exception? inner = null) : Exception(message, inner);
