using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Updates.Audit;
using Jaga.Core.Updates.Unused;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary><c>jaga deps audit --format json</c>: the whole report for scripts, words stable in every language.</summary>
public static class AuditJson
{
    public static JsonObject Of(AuditReport report, DateTimeOffset now, TimeSpan maxAge) => new()
    {
        ["passed"] = report.Passed,
        ["vulnerable"] = report.Vulnerable,
        ["incomplete"] = report.Incomplete,
        ["fail_on"] = EnumWord.Of(report.FailOn),
        ["manifests"] = new JsonArray([.. report.Manifests.Select(m => (JsonNode)m)]),
        ["registries"] = new JsonObject(report.Sources.Select(s => KeyValuePair.Create(AuditWords.Of(s.Key), (JsonNode?)new JsonArray([.. s.Value.Select(v => (JsonNode)v)])))),
        ["advisory_data"] = new JsonArray([.. report.Imports.Select(i => (JsonNode)new JsonObject
        {
            ["ecosystem"] = AuditWords.Of(i.Ecosystem),
            ["imported_at"] = i.ImportedAt.ToString("O", CultureInfo.InvariantCulture),
            ["age_s"] = (long)(now - i.ImportedAt).TotalSeconds,
            ["stale"] = now - i.ImportedAt > maxAge,
            ["source"] = i.Source,
            ["advisories"] = i.Advisories,
        })]),
        ["advisory_data_missing"] = new JsonArray([.. report.AdvisoriesMissing.Select(e => (JsonNode)AuditWords.Of(e))]),
        ["expired_suppressions"] = new JsonArray([.. report.ExpiredSuppressions.Select(s => (JsonNode)new JsonObject
        {
            ["advisory"] = s.Advisory,
            ["package"] = s.Package,
            ["owner"] = s.Owner,
            ["expires"] = Day(s.Expires),
        })]),
        ["dependencies"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)Finding(f))]),
        // Evidence in English: the JSON's words are the same in every language.
        ["unused"] = new JsonArray([.. report.Unused.Where(u => u.Probable).Select(u => (JsonNode)Unused(u))]),
        ["unused_unchecked"] = new JsonArray([.. report.Unused.Where(u => !u.Probable).Select(u => (JsonNode)Unused(u))]),
        ["summary"] = new JsonObject
        {
            ["packages"] = report.Findings.Count,
            ["outdated"] = report.Outdated,
            ["vulnerable"] = report.VulnerablePackages,
            ["suppressed"] = report.Suppressed,
            ["apply"] = report.Findings.Count(f => f.Decision == Decision.Apply),
            ["review"] = report.Findings.Count(f => f.Decision == Decision.Review),
            ["manual"] = report.Findings.Count(f => f.Decision == Decision.Manual),
            ["no_data"] = report.Findings.Count(f => f.Decision == Decision.Unknown),
        },
    };

    public static JsonObject Finding(Finding f) => new()
    {
        ["ecosystem"] = AuditWords.Of(f.Dependency.Ecosystem),
        ["name"] = f.Dependency.Name,
        ["requirement"] = f.Dependency.Requirement,
        ["current"] = f.Current,
        ["current_from_range"] = f.CurrentFromRange,
        ["latest"] = f.Latest,
        ["target"] = f.Target,
        ["update_type"] = f.TargetKind is { } k ? AuditWords.Of(k) : null,
        ["decision"] = AuditWords.Of(f.Decision),
        ["security"] = f.Security,
        ["manifest"] = f.Dependency.Where.Path,
        ["line"] = f.Dependency.Where.Line,
        ["scope"] = f.Dependency.Scope == Core.Updates.DependencyScope.Development ? "development" : "runtime",
        ["advisories"] = new JsonArray([.. f.Advisories.Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["aliases"] = new JsonArray([.. a.Aliases.Select(x => (JsonNode)x)]),
            ["severity"] = AuditWords.Of(a.Severity),
            ["summary"] = a.Summary,
            ["fixed_in"] = a.FixedIn,
            ["suppressed"] = a.SuppressedBy is { } s ? new JsonObject { ["reason"] = s.Reason, ["owner"] = s.Owner, ["expires"] = Day(s.Expires) } : null,
        })]),
        ["problem"] = f.Problem is { } p ? AuditWords.Of(p) : null,
        ["problem_detail"] = f.ProblemDetail,
    };

    public static JsonObject Unused(UnusedDependency u) => new()
    {
        ["ecosystem"] = AuditWords.Of(u.Dependency.Ecosystem),
        ["name"] = u.Dependency.Name,
        ["manifest"] = u.Dependency.Where.Path,
        ["line"] = u.Dependency.Where.Line,
        ["evidence"] = Catalog.English.Format(u.Evidence.Key, [.. u.Evidence.Args]),
        ["confidence"] = u.Confidence switch
        {
            UnusedConfidence.High => "high",
            UnusedConfidence.Medium => "medium",
            UnusedConfidence.Unchecked => "unchecked",
        },
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
