using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;

namespace Jaga.Engine.Updates.Audit.Reports;

/// <summary><c>jaga deps audit --format sarif</c>: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps). One rule
/// per advisory, one result per vulnerable declaration at its manifest line; a suppressed advisory is a result with an
/// external suppression and its justification; missing data makes the run unsuccessful with a notification per gap.</summary>
public static class AuditSarif
{
    public static JsonObject Of(AuditReport report, string toolVersion, IReadOnlyList<string> gaps)
    {
        var hits = report.Findings.SelectMany(f => f.Advisories.Select(a => (Finding: f, Hit: a))).ToList();
        var rules = hits.GroupBy(h => h.Hit.Id, StringComparer.Ordinal).Select(g => g.First().Hit).OrderBy(h => h.Id, StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "jaga",
                        ["version"] = toolVersion,
                        ["informationUri"] = "https://osv.dev/",
                        ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)Rule(r))]),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = !report.Incomplete,
                    ["toolExecutionNotifications"] = new JsonArray([.. gaps.Select(g => (JsonNode)new JsonObject
                    {
                        ["level"] = "error",
                        ["message"] = new JsonObject { ["text"] = g },
                    })]),
                }),
                ["results"] = new JsonArray([.. hits.Select(h => (JsonNode)Result(h.Finding, h.Hit, report.FailOn))]),
            }),
        };
    }

    private static JsonObject Rule(AdvisoryHit a) => new()
    {
        ["id"] = a.Id,
        ["shortDescription"] = new JsonObject { ["text"] = a.Summary.Length > 0 ? a.Summary : a.Id },
        ["helpUri"] = "https://osv.dev/vulnerability/" + Uri.EscapeDataString(a.Id),
        ["properties"] = new JsonObject
        {
            ["security-severity"] = Score(a.Severity),
            ["tags"] = new JsonArray([.. new[] { "security", "vulnerability" }.Concat(a.Aliases).Select(t => (JsonNode)t)]),
        },
    };

    private static JsonObject Result(Finding f, AdvisoryHit a, FailOn failOn)
    {
        var result = new JsonObject
        {
            ["ruleId"] = a.Id,
            ["level"] = AuditReport.Fails(a.Severity, failOn) ? "error" : a.Severity >= Severity.Moderate ? "warning" : "note",
            ["message"] = new JsonObject
            {
                ["text"] = $"{f.Dependency.Name} {f.Current} is affected by {a.Id}" + (a.Aliases.Count > 0 ? $" ({string.Join(", ", a.Aliases)})" : "")
                    + (a.FixedIn is null ? "; no fixed version is published" : $"; fixed in {a.FixedIn}") + (a.Summary.Length > 0 ? $": {a.Summary}" : ""),
            },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = f.Dependency.Where.Path },
                    ["region"] = new JsonObject { ["startLine"] = f.Dependency.Where.Line },
                },
            }),
            ["partialFingerprints"] = new JsonObject { ["jaga/v1"] = $"{AuditWords.Of(f.Dependency.Ecosystem)}:{f.Dependency.Name}:{a.Id}" },
        };
        if (a.SuppressedBy is { } s)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["justification"] = $"{s.Reason} (owner {s.Owner}, until {s.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
            });
        }
        return result;
    }

    /// <summary>The number code scanning sorts by (CVSS-like: 9.0+ critical, 7.0+ high, 4.0+ medium); an advisory without
    /// a severity is scored as high, as the audit counts it.</summary>
    private static string Score(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High or Severity.Unknown => "8.0",
        Severity.Moderate => "5.5",
        Severity.Low => "2.0",
    };
}
