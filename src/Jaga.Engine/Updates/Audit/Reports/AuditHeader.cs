using System.Globalization;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Values;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary>What a report says before its table: what was read and asked, how old the advisory data is (<see cref="Lines"/>),
/// and, loudly, every gap — a registry that gave no answer, an ecosystem without advisory data, stale data, an expired
/// suppression (<see cref="Gaps"/>).</summary>
public static class AuditHeader
{
    public static IReadOnlyList<string> Lines(AuditReport report, Catalog words, DateTimeOffset now)
    {
        List<string> lines = [words.Format("cli.deps.manifests", report.Manifests.Count, string.Join(", ", report.Manifests))];
        foreach (var (ecosystem, sources) in report.Sources.OrderBy(s => s.Key))
            lines.Add(words.Format("cli.deps.sources", AuditWords.Of(ecosystem), string.Join(", ", sources)));
        foreach (var i in report.Imports.OrderBy(i => i.Ecosystem))
            lines.Add(words.Format("cli.deps.advisories.age", AuditWords.Of(i.Ecosystem), i.Advisories, DurationValue.Format(Whole(now - i.ImportedAt)), i.Source));
        return lines;
    }

    public static IReadOnlyList<string> Gaps(AuditReport report, Catalog words, TimeSpan maxAge)
    {
        List<string> gaps = [];
        foreach (var e in report.AdvisoriesMissing) gaps.Add(words.Format("cli.deps.advisories.missing", AuditWords.Of(e)));
        foreach (var e in report.AdvisoriesStale) gaps.Add(words.Format("cli.deps.advisories.stale", AuditWords.Of(e), DurationValue.Format(maxAge)));
        foreach (var f in report.Findings.Where(f => f.Problem == FindingProblem.RegistryFailed))
            gaps.Add(words.Format("cli.deps.registry.failed", f.Dependency.Name, AuditWords.Of(f.Dependency.Ecosystem), f.ProblemDetail ?? ""));
        foreach (var s in report.ExpiredSuppressions)
            gaps.Add(words.Format("cli.deps.suppression.expired", s.Package is null ? s.Advisory : $"{s.Advisory} ({s.Package})",
                s.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Owner));
        return gaps;
    }

    /// <summary>An age to the minute (seconds say nothing about advisory data).</summary>
    private static TimeSpan Whole(TimeSpan age) => age < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(Math.Floor(age.TotalMinutes));
}
