using Jaga.Engine.Journal;

namespace Jaga.Engine.Migration;

/// <summary>What an export or a verify runs with besides its request: the clock, the journal that records the act (none
/// for a run that is not recorded, e.g. inside a test), and where progress goes.</summary>
/// <param name="Clock">The plan's clock: the manifest's <c>exported_at</c> and the durations.</param>
public sealed record MigrationContext(TimeProvider Clock)
{
    /// <summary>Records one maintenance-log line and audit entry per act; null records nothing.</summary>
    public MaintenanceJournal? Journal { get; init; }

    /// <summary>Told the table being read and its rows so far, about every 10,000 rows and at each table's end.</summary>
    public IProgress<MigrationProgress>? Progress { get; init; }
}
