using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup.Pipeline;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Backup;

/// <summary>What the backup pillar works with: the plan, the catalog, the journal (log line + audit entry for every act),
/// the clock, the adapters and the retry policy.</summary>
public sealed record BackupServices(
    LoadedPlan Plan, IBackupCatalog Catalog, MaintenanceJournal Journal, TimeProvider Clock, IBackupConnectors Connectors, DestinationRetry Retry)
{
    /// <summary>Where a failed run opens its job's incident and a successful one closes it; none when null.</summary>
    public Emergency.Incidents.IncidentLog? Incidents { get; init; }
}

/// <summary>Callbacks for progress on a terminal: bytes read from the source and bytes stored.</summary>
public sealed record BackupObserver(Action<long>? Read = null, Action<long>? Stored = null, Action<string>? Note = null);
