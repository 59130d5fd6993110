using Jaga.Core.Journal.Events.Readiness;
using Jaga.Core.Ledger;
using Jaga.Core.Ports;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Readiness;

/// <summary>A person acknowledges a point of the readiness checklist, from <c>jaga checklist ack</c> or the dashboard: one
/// log line and one audit entry, then the acknowledgement in the store, which names that entry.</summary>
public static class ChecklistAcknowledgement
{
    /// <param name="journal">The plan's journal.</param>
    /// <param name="item">The point's name, checked by the caller (<see cref="Core.Readiness.ReadinessPoints.TryParse"/>).</param>
    /// <param name="by">Who checked: the entry's actor too.</param>
    /// <param name="note">What was checked.</param>
    /// <param name="ct"></param>
    public static async Task<AuditEntry> RecordAsync(MaintenanceJournal journal, string item, string by, string note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var entry = await journal.RecordAsync(new ChecklistAcknowledged(item, by, note)
        {
            Data = new Dictionary<string, string> { ["item"] = item },
        }, by, ct);
        await journal.Store.Checklist.AcknowledgeAsync(new ChecklistAck(item, by, entry.Time, note, entry.Seq), ct);
        return entry;
    }
}
