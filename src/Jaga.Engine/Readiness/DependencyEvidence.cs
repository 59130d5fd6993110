using Jaga.Core.Ports;
using Jaga.Core.Readiness;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Readiness;

/// <summary>Point 3, dependencies: a complete <c>jaga deps audit</c> within <c>checklist.audit_max_age</c>, and no pending
/// advisory at or above <c>update.fail_on</c>. Point 5 asks the same of every source (OS packages too).</summary>
internal static class DependencyEvidence
{
    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, CancellationToken ct)
    {
        var found = new List<Evidence>();
        var now = inputs.Clock.GetUtcNow();
        var maxAge = inputs.Plan.Plan.Checklist.AuditMaxAge;
        var audit = (await inputs.Store.Security.ReadingsAsync(ct))
            .Where(m => m.Source == SecurityFindingSource.Dependency && m.Complete).MaxBy(m => m.At);
        if (audit is null) found.Add(Evidence.Failed("cli.checklist.deps.never"));
        else if (now - audit.At > maxAge) found.Add(Evidence.Failed("cli.checklist.deps.old", Days(now - audit.At), Days(maxAge)));
        else found.Add(Evidence.Ok("cli.checklist.deps.recent", Days(now - audit.At)));
        found.Add(await VulnerableAsync(inputs, SecurityFindingSource.Dependency, ct));
        return found;
    }

    /// <summary>Pending findings at or above the plan's threshold, of one source or (null) all.</summary>
    public static async Task<Evidence> VulnerableAsync(ReadinessInputs inputs, SecurityFindingSource? source, CancellationToken ct)
    {
        var failOn = inputs.Plan.Plan.Update.FailOn;
        var pending = (await inputs.Store.Security.PendingAsync(ct))
            .Where(f => (source is null || f.Source == source) && AuditReport.Fails(f.Severity, failOn)).ToList();
        var threshold = Core.Plan.Schema.EnumWord.Of(failOn);
        return pending.Count == 0
            ? Evidence.Ok("cli.checklist.vuln.none", threshold)
            : Evidence.Failed("cli.checklist.vuln.found", pending.Count, threshold,
                string.Join(", ", pending.Take(5).Select(f => $"{f.Package} {f.Version} ({f.Advisory})")));
    }

    private static string Days(TimeSpan t) => DurationText(t);

    /// <summary>An age as people say it: 3d, 5h, 12m.</summary>
    public static string DurationText(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays}d" : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h" : $"{Math.Max(0, (int)t.TotalMinutes)}m";
}
