namespace Jaga.Core.Ports;

/// <summary>The backup catalog in the state store: every run of every backup job, where its copies are, whether they
/// were verified. It can be rebuilt from the destinations' manifests (<c>jaga backup reindex</c>).</summary>
public interface IBackupCatalog
{
    /// <summary>Inserts or replaces the record with this id (copies included).</summary>
    Task SaveAsync(BackupRecord record, CancellationToken ct = default);

    Task<BackupRecord?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>Records of one job (or all), newest start first.</summary>
    Task<IReadOnlyList<BackupRecord>> ListAsync(string? job = null, CancellationToken ct = default);

    /// <summary>Removes a record (after every copy has been pruned, or when reindex finds it gone).</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);
}

/// <summary>One run of a backup job. <paramref name="Manifest"/> is the manifest's JSON text once written.</summary>
public sealed record BackupRecord(
    string Id, string Job, string Artifact, string SourceKind, BackupStatus Status, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, long Size, string? Sha256, IReadOnlyList<BackupCopy> Copies,
    DateTimeOffset? VerifiedAt, string? VerifyResult, string? Detail, string? Manifest);

/// <summary>One destination's copy of a backup.</summary>
public sealed record BackupCopy(string Destination, CopyState State, string? Detail, DateTimeOffset? VerifiedAt);

public enum BackupStatus { Running, Complete, Partial, Failed, Interrupted, TimedOut }

public enum CopyState { Stored, Failed, Pruned, Corrupt }

