using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary>The audit as rows people read (the terminal's table and the Markdown one): vulnerable packages first, then
/// what has no data, then what the policy applies, waits on, leaves to a person, and the rest.</summary>
public static class AuditTable
{
    public static IEnumerable<string[]> Rows(AuditReport report, Catalog words, UpdatePolicy policy) =>
        report.Findings
            .OrderBy(f => f.Active.Any() ? 0 : f.Decision == Decision.Unknown ? 1 : 2)
            .ThenBy(f => f.Decision switch
            {
                Decision.Apply => 0,
                Decision.Review => 1,
                Decision.Manual => 2,
                Decision.Unknown => 3,
                Decision.UpToDate => 4,
            })
            .ThenBy(f => f.Dependency.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => new[]
            {
                f.Dependency.Name,
                AuditWords.Of(f.Dependency.Ecosystem),
                f.Current ?? "?",
                f.Latest ?? "?",
                f.Target ?? "",
                f.TargetKind is { } k ? words["word.kind." + AuditWords.Of(k)] : "",
                string.Join(", ", f.Advisories.Select(a =>
                {
                    var text = $"{a.Id} {words["word.severity." + AuditWords.Of(a.Severity)]}" + (a.FixedIn is null ? "" : $" → {a.FixedIn}");
                    return a.SuppressedBy is null ? text : words.Format("cli.deps.suppressed.mark", text);
                })),
                words["word.decision." + AuditWords.Of(f.Decision)] + ": " + AuditWords.Why(f, words, policy),
                f.Dependency.Where.ToString(),
            });

    public static string Summary(AuditReport report, Catalog words) => words.Format("cli.deps.summary",
        report.Findings.Count, report.Outdated, report.VulnerablePackages, report.Suppressed,
        report.Findings.Count(f => f.Decision == Decision.Apply), report.Findings.Count(f => f.Decision == Decision.Review),
        report.Findings.Count(f => f.Decision == Decision.Manual));

    public static string Verdict(AuditReport report, Catalog words) =>
        report.Incomplete ? words["cli.deps.failed.incomplete"]
        : report.Vulnerable ? words.Format("cli.deps.failed.vulnerable", EnumWord.Of(report.FailOn))
        : words["cli.deps.passed"];
}
