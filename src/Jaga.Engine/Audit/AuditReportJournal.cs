using Jaga.Core.Journal;
using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Ledger;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary>Writes the outcome of a verification into the maintenance log: one INFO line, or one ERROR line naming the first problem.</summary>
public static class AuditReportJournal
{
    public static Task<AuditEntry> RecordAsync(MaintenanceJournal journal, AuditReport report, string? by, CancellationToken ct) =>
        journal.RecordAsync(Event(report), by, ct);

    /// <summary>The outcome as an event: what the log line and <c>jaga audit verify</c>'s last line say.</summary>
    public static JournalEvent Event(AuditReport report) =>
        report.Intact
            ? new AuditVerified(report.Entries, report.Head?.Seq ?? 0, report.Head?.Hash[..12] ?? "-")
            : new AuditVerifyFailed(report.Problems[0].Message);
}
