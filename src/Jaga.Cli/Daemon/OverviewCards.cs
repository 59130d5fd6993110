using Jaga.Cli.Commands;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Scheduling;
using Jaga.Dashboard.Overview;

namespace Jaga.Cli.Daemon;

/// <summary>The overview's cards, decided from the report <c>jaga status</c> prints, the pending security findings and the
/// newest entries of the audit chain: red when something failed, amber when something waits or was never run, green
/// otherwise; each card says why. Pure: the caller reads the store.</summary>
internal static class OverviewCards
{
    /// <summary>How far back the log card looks for warnings and errors.</summary>
    public static readonly TimeSpan LogWindow = TimeSpan.FromHours(24);

    public static IReadOnlyList<PillarCard> Decide(StatusReport report, int pendingFindings, IReadOnlyList<AuditEntry> recent, Catalog words) =>
    [
        Backups(report, words),
        Monitoring(report, words),
        Updates(report, pendingFindings, words),
        Emergency(report, words),
        Log(recent, report.Now, words),
    ];

    private static PillarCard Backups(StatusReport report, Catalog words)
    {
        var rows = Of(report, JobKind.Backup, JobKind.Verify, JobKind.Drill);
        var reasons = new List<string>();
        var light = Light.Green;
        if (rows.Count == 0) return Card(Pillar.Backups, Light.Amber, [words["web.reason.backups.none"]], rows);
        foreach (var f in rows.Where(r => r.Failing)) Worse(ref light, Light.Red, reasons, words.Format("web.reason.backups.failing", $"{f.Job.Id.Text} — {f.Summary!.Last.Detail}"));
        foreach (var d in report.Drills.Failing) Worse(ref light, Light.Red, reasons, words.Format("web.reason.backups.drill", $"{d.Job} — {d.Last.Detail}"));
        var never = rows.Where(r => r.Summary is null && r.Job.Kind == JobKind.Backup).Select(r => r.Job.Id.Text).ToList();
        if (never.Count > 0) Worse(ref light, Light.Amber, reasons, words.Format("web.reason.backups.never", string.Join(", ", never)));
        if (reasons.Count == 0) reasons.Add(words.Format("web.reason.backups.ok", rows.Count(r => r.Job.Kind == JobKind.Backup)));
        return Card(Pillar.Backups, light, reasons, rows);
    }

    private static PillarCard Monitoring(StatusReport report, Catalog words)
    {
        var rows = Of(report, JobKind.Check, JobKind.Host);
        if (report.CheckNames.Count == 0) return Card(Pillar.Monitoring, Light.Amber, [words["web.reason.monitoring.none"]], rows);
        var reasons = new List<string>();
        var light = Light.Green;
        foreach (var n in report.ChecksDown) Worse(ref light, Light.Red, reasons, words.Format("web.reason.monitoring.down", $"{n} — {report.CheckStates[n].Reason}"));
        var unknown = report.CheckNames.Where(n => !report.CheckStates.ContainsKey(n)).ToList();
        if (unknown.Count > 0) Worse(ref light, Light.Amber, reasons, words.Format("web.reason.monitoring.unknown", string.Join(", ", unknown)));
        // Up means checked and not down: a check not run yet is neither.
        var up = report.CheckNames.Count(n => report.CheckStates.ContainsKey(n) && !report.ChecksDown.Contains(n));
        reasons.Add(words.Format("web.reason.monitoring.ok", up, report.CheckNames.Count));
        return Card(Pillar.Monitoring, light, reasons, rows);
    }

    private static PillarCard Updates(StatusReport report, int pendingFindings, Catalog words)
    {
        var rows = Of(report, JobKind.Update, JobKind.SecurityWatch);
        var reasons = new List<string>();
        var light = Light.Green;
        foreach (var f in rows.Where(r => r.Failing)) Worse(ref light, Light.Red, reasons, words.Format("web.reason.updates.failing", $"{f.Job.Id.Text} — {f.Summary!.Last.Detail}"));
        if (pendingFindings > 0) Worse(ref light, Light.Amber, reasons, words.Format("web.reason.updates.pending", pendingFindings));
        if (rows.Count == 0) Worse(ref light, Light.Amber, reasons, words["web.reason.updates.none"]);
        if (reasons.Count == 0) reasons.Add(words["web.reason.updates.ok"]);
        return Card(Pillar.Updates, light, reasons, rows);
    }

    private static PillarCard Emergency(StatusReport report, Catalog words)
    {
        var reasons = new List<string>();
        var light = Light.Green;
        if (report.Incidents.Count > 0) Worse(ref light, Light.Red, reasons, words.Format("web.reason.emergency.incidents", report.Incidents.Count));
        if (report.Waiting.Count > 0) Worse(ref light, Light.Amber, reasons, words.Format("web.reason.emergency.waiting", report.Waiting.Count));
        if (reasons.Count == 0) reasons.Add(words["web.reason.emergency.ok"]);
        // Days since the last successful restore drill, per drilled backup job: how long ago a restore was last proven.
        foreach (var row in report.Drills.Rows)
        {
            if (report.Drills.DaysSince(row) is { } days) reasons.Add(words.Format("web.reason.emergency.drill_days", row.Job, days));
            else Worse(ref light, Light.Amber, reasons, words.Format("web.reason.emergency.drill_never", row.Job));
        }
        return Card(Pillar.Emergency, light, reasons, Of(report, JobKind.Drill));
    }

    private static PillarCard Log(IReadOnlyList<AuditEntry> recent, DateTimeOffset now, Catalog words)
    {
        if (recent.Count == 0) return new PillarCard(Pillar.Log, Light.Green, [words["web.reason.log.empty"]], null, null);
        var window = recent.Where(e => now - e.Time <= LogWindow).ToList();
        var reasons = new List<string>();
        var light = Light.Green;
        if (window.LastOrDefault(e => e.Level == Severity.Error) is { } error) Worse(ref light, Light.Red, reasons, words.Format("web.reason.log.error", error.Message));
        if (window.LastOrDefault(e => e.Level == Severity.Warn) is { } warn) Worse(ref light, Light.Amber, reasons, words.Format("web.reason.log.warn", warn.Message));
        if (reasons.Count == 0) reasons.Add(words["web.reason.log.ok"]);
        return new PillarCard(Pillar.Log, light, reasons, recent.Max(e => e.Time), null);
    }

    private static List<StatusReport.Row> Of(StatusReport report, params JobKind[] kinds) => [.. report.Rows.Where(r => kinds.Contains(r.Job.Kind))];

    private static PillarCard Card(Pillar pillar, Light light, IReadOnlyList<string> reasons, List<StatusReport.Row> rows) =>
        new(pillar, light, reasons, rows.Select(r => r.Summary?.Last.Occurrence).Max(), rows.Select(r => r.Next).Where(n => n is not null).Min());

    /// <summary>Adds a reason; the card takes the worse colour. Reasons of the worst colour come first.</summary>
    private static void Worse(ref Light light, Light seen, List<string> reasons, string reason)
    {
        if (seen > light) light = seen;
        reasons.Add(reason);
    }
}
