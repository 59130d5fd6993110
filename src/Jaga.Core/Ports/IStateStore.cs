using Jaga.Core.Ledger;

namespace Jaga.Core.Ports;

/// <summary>Where Jaga keeps its state: the audit chain, checkpoints, the backup catalog, job runs, check history,
/// the Emergency pillar's runbook runs, incidents and drills,
/// and the pending security findings the Update pillar's readings feed to monitoring.</summary>
/// <remarks>Implementations must make appends atomic across processes: two writers never get the same
/// sequence number and never fork the chain. The same contract suite runs against every implementation.</remarks>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>A description for humans, with any password removed.</summary>
    string Description { get; }

    /// <summary>True when several machines can use the store at once (PostgreSQL): what one node keeps in memory may then
    /// be stale, since another node may have written since.</summary>
    bool Shared { get; }

    /// <summary>The schema migrations applied to this store, oldest first.</summary>
    Task<IReadOnlyList<AppliedMigration>> MigrationsAsync(CancellationToken ct = default);

    /// <summary>Seals and appends one entry after the current head.</summary>
    Task<AuditEntry> AppendAsync(AuditDraft draft, CancellationToken ct = default);

    /// <summary>Seals and appends many entries in one transaction.</summary>
    Task<IReadOnlyList<AuditEntry>> AppendBatchAsync(IReadOnlyList<AuditDraft> drafts, CancellationToken ct = default);

    Task<AuditEntry?> HeadAsync(CancellationToken ct = default);

    /// <summary>Entries with sequence number at least <paramref name="fromSeq"/>, in sequence order, as stored (no checks).</summary>
    IAsyncEnumerable<AuditEntry> ReadAsync(long fromSeq = 1, CancellationToken ct = default);

    /// <summary>One page of the maintenance log, newest first, as <paramref name="query"/> filters it: what the dashboard's
    /// log page and <c>jaga log</c> read. Pages follow by sequence number (<see cref="LogPage.Next"/>), never by offset.</summary>
    Task<LogPage> QueryAsync(LogQuery query, CancellationToken ct = default);

    Task SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken ct = default);

    /// <summary>Stored checkpoints, oldest first.</summary>
    Task<IReadOnlyList<Checkpoint>> CheckpointsAsync(CancellationToken ct = default);

    /// <summary>The backup catalog kept in this store (schema version 2).</summary>
    IBackupCatalog Backups { get; }

    /// <summary>The scheduler's claims, leases and runs (schema version 3).</summary>
    IJobRuns Runs { get; }

    /// <summary>The nodes that run the plan (schema version 3).</summary>
    INodeRegistry Nodes { get; }

    /// <summary>The heartbeat pings received (schema version 3).</summary>
    IHeartbeatPings Pings { get; }

    /// <summary>Check results with bounded retention, and each check's alerting state (schema version 4).</summary>
    ICheckHistory Checks { get; }

    /// <summary>Runbook runs, their steps and approvals (schema version 5).</summary>
    IRunbookRuns Runbooks { get; }

    /// <summary>Incidents and their timelines (schema version 5).</summary>
    IIncidents Incidents { get; }

    /// <summary>Restore drills (schema version 5).</summary>
    IDrills Drills { get; }

    /// <summary>Pending security findings from dependency audits and OS patches readings (schema version 6).</summary>
    ISecurityFindings Security { get; }

    /// <summary>Significant changes and their reviews (schema version 7).</summary>
    IChangeRecords Changes { get; }

    /// <summary>Acknowledgements of the readiness checklist's points (schema version 7).</summary>
    IChecklistAcks Checklist { get; }

    /// <summary>The dashboard's users (schema version 8).</summary>
    IDashboardUsers Users { get; }

    /// <summary>The dashboard's API tokens, as hashes (schema version 8).</summary>
    IApiTokens Tokens { get; }
}

public sealed record AppliedMigration(int Version, string Name, DateTimeOffset AppliedAt);
