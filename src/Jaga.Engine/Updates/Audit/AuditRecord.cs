using System.Globalization;
using Jaga.Core.Journal.Events.Updates;
using Jaga.Core.Ledger;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Journal;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Engine.Updates.Audit;

/// <summary>Writes an audit into the maintenance log and the audit chain: one line per suppression used (every use is
/// logged), then the audit's own line, WARN when an advisory counts or data is missing; then the pending security findings
/// into the state store.</summary>
public static class AuditRecord
{
    /// <returns>The audit's own entry.</returns>
    public static async Task<AuditEntry> WriteAsync(MaintenanceJournal journal, AuditReport report, CancellationToken ct)
    {
        foreach (var f in report.Findings)
        {
            foreach (var a in f.Advisories.Where(a => a.SuppressedBy is not null))
            {
                var s = a.SuppressedBy!;
                await journal.RecordAsync(new AdvisorySuppressed(a.Id, f.Dependency.Name, f.Current ?? "?",
                    s.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Owner, s.Reason), ct: ct);
            }
        }
        List<string> missing = [.. report.AdvisoriesMissing.Select(e => "advisories:" + AuditWords.Of(e))];
        missing.AddRange(report.Findings.Where(f => f.Problem == FindingProblem.RegistryFailed)
            .Select(f => $"{AuditWords.Of(f.Dependency.Ecosystem)}:{f.Dependency.Name}"));
        var line = await journal.RecordAsync(new DependencyAuditFinished(report.Findings.Count, report.Outdated, report.VulnerablePackages,
            report.Findings.Count(f => f.Decision == Decision.Apply), report.Findings.Count(f => f.Decision == Decision.Review),
            missing.Count == 0 ? null : string.Join(", ", missing)), ct: ct);
        // Feeds monitoring: the pending security findings, seen at the audit line's time (the `updates` check reads them).
        var reading = PendingSecurity.FromAudit(report, line.Time);
        if (reading.Complete && report.Findings.Any(f => f.Current is null))
            reading = PendingSecurity.CarryForward(reading, report, await journal.Store.Security.PendingAsync(ct));
        await journal.Store.Security.RecordAsync(reading, ct);
        return line;
    }
}
