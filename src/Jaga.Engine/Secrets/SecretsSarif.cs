using System.Globalization;
using System.Text.Json.Nodes;

namespace Jaga.Engine.Secrets;

/// <summary><c>jaga secrets scan --format sarif</c>: SARIF 2.1.0 for code scanning, in the shape <c>jaga deps audit
/// --format sarif</c> writes (<see cref="Updates.Audit.Reports.AuditSarif"/>): one rule per rule that found something, one
/// result per finding at its file and line, the masked secret in the message (never the secret), and a partial
/// fingerprint so a finding keeps its identity between runs. Skipped files are notifications.</summary>
public static class SecretsSarif
{
    public static JsonObject Of(SecretsReport report, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = report.Findings.GroupBy(f => f.RuleId, StringComparer.Ordinal).Select(g => g.First()).OrderBy(f => f.RuleId, StringComparer.Ordinal).ToList();
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
                        ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.RuleId,
                            ["shortDescription"] = new JsonObject { ["text"] = r.Description },
                            ["properties"] = new JsonObject
                            {
                                // Code scanning sorts security results by this number: a leaked secret is high (7.0–8.9).
                                ["security-severity"] = "8.0",
                                ["tags"] = new JsonArray("security", "secret"),
                            },
                        })]),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = true,
                    ["toolExecutionNotifications"] = new JsonArray([.. report.Skipped.Select(s => (JsonNode)new JsonObject
                    {
                        ["level"] = "note",
                        ["message"] = new JsonObject { ["text"] = $"skipped {s.Path}: {s.Reason} ({s.Detail})" },
                    })]),
                }),
                ["results"] = new JsonArray([.. report.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["ruleId"] = f.RuleId,
                    ["level"] = "error",
                    ["message"] = new JsonObject
                    {
                        ["text"] = $"{f.Description}: {f.Masked}" + (f.Commit is null ? "" : $" added in commit {f.Commit}"),
                    },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = Uri(f.Path) },
                            ["region"] = new JsonObject { ["startLine"] = f.Line, ["startColumn"] = f.Column },
                        },
                    }),
                    ["partialFingerprints"] = new JsonObject { ["jaga/v1"] = f.Fingerprint },
                    ["properties"] = new JsonObject
                    {
                        ["entropy"] = f.Entropy.ToString("0.00", CultureInfo.InvariantCulture),
                        ["commit"] = f.Commit,
                    },
                })]),
            }),
        };
    }

    /// <summary>A relative path as a URI reference: each name escaped, the '/' kept.</summary>
    private static string Uri(string path) => string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
}
