using Jaga.Core.Messages;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Patches;
using Jaga.Engine.Updates.Apply;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Engine.Updates.Schedule;

/// <summary>How a run of the update pillar ended: it succeeds only when nothing is left to a person. Missing data (an audit
/// never passes blind), an advisory at or above <c>update.fail_on</c> still open after the updates, an update rolled back
/// or not tried, updates the policy applies that could not be (no <c>update.test</c>), and pending OS security updates each
/// make it fail, with the reason.</summary>
/// <param name="Succeeded">Nothing is left to a person.</param>
/// <param name="Summary">What the run did (succeeded), or every failure joined by "; ".</param>
/// <param name="Failures">Each reason the run failed.</param>
public sealed record UpdateVerdict(bool Succeeded, string Summary, IReadOnlyList<string> Failures)
{
    /// <param name="report">The run's audit.</param>
    /// <param name="chosen">The updates the run meant to apply.</param>
    /// <param name="outcomes">What became of them (empty when none were tried).</param>
    /// <param name="testMissing">They were not tried: the plan has no <c>update.test</c>.</param>
    /// <param name="patches">The OS patches read, when <c>update.os_packages</c> asks for them and they could be read.</param>
    /// <param name="patchesFailure">Why the OS patches could not be read; null when they were (or were not asked for).</param>
    /// <param name="words">The language of the reasons.</param>
    public static UpdateVerdict Of(AuditReport report, IReadOnlyList<PlannedUpdate> chosen, IReadOnlyList<UpdateOutcome> outcomes, bool testMissing,
        PatchCheck? patches, string? patchesFailure, Catalog words)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(words);
        var failures = new List<string>();
        List<string> missing = [.. report.AdvisoriesMissing.Select(e => "advisories:" + AuditWords.Of(e))];
        missing.AddRange(report.Findings.Where(f => f.Problem == FindingProblem.RegistryFailed)
            .Select(f => $"{AuditWords.Of(f.Dependency.Ecosystem)}:{f.Dependency.Name}"));
        if (missing.Count > 0) failures.Add(words.Format("reason.update.run.missing", string.Join(", ", missing)));
        if (testMissing && chosen.Count > 0) failures.Add(words.Format("reason.update.run.no.test", chosen.Count));

        var rolledBack = outcomes.Where(o => o.Result == UpdateResult.RolledBack).Select(o => o.Update.Pinned).ToList();
        if (rolledBack.Count > 0) failures.Add(words.Format("reason.update.run.rolled.back", string.Join(", ", rolledBack)));
        var skipped = outcomes.Where(o => o.Result == UpdateResult.Skipped).Select(o => $"{o.Update.Pinned} ({o.Reason})").ToList();
        if (skipped.Count > 0) failures.Add(words.Format("reason.update.run.skipped", string.Join(", ", skipped)));

        var applied = outcomes.Where(o => o.Result == UpdateResult.Applied).Select(o => o.Update.Dependency).ToHashSet();
        var open = report.Findings
            .Where(f => !applied.Contains(f.Dependency))
            .Select(f => (f.Dependency.Name, Ids: f.Active.Where(a => AuditReport.Fails(a.Severity, report.FailOn)).Select(a => a.Id).ToList()))
            .Where(f => f.Ids.Count > 0)
            .Select(f => $"{f.Name} ({string.Join(", ", f.Ids)})")
            .ToList();
        if (open.Count > 0) failures.Add(words.Format("reason.update.run.vulnerable", string.Join(", ", open)));

        if (patchesFailure is not null) failures.Add(words.Format("reason.update.run.os.failed", patchesFailure));
        else if (patches is { Security.Count: > 0 }) failures.Add(words.Format("reason.update.run.os.security", patches.Security.Count));

        var done = words.Format("reason.update.run.done", report.Findings.Count, applied.Count, report.Findings.Count(f => f.Decision == Decision.Review));
        return failures.Count == 0 ? new UpdateVerdict(true, done, []) : new UpdateVerdict(false, string.Join("; ", failures), failures);
    }
}
