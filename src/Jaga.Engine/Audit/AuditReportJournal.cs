using Jaga.Core.Ledger;
using Jaga.Engine.Journal;

namespace Jaga.Engine.Audit;

/// <summary>Writes the outcome of a verification into the maintenance log: one INFO line, or one ERROR line naming the first problem.</summary>
public static class AuditReportJournal
{
    public static Task<AuditEntry> RecordAsync(MaintenanceJournal journal, AuditReport report, CancellationToken ct) =>
        report.Intact
            ? journal.RecordAsync(Severity.Info, "audit.verify", "audit.verified", [report.Entries, report.Head?.Seq ?? 0, report.Head?.Hash[..12] ?? "-"], ct: ct)
            : journal.RecordAsync(Severity.Error, "audit.verify", "audit.verify.failed", [report.Problems[0].Message], ct: ct);
}
