using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Updates.Advisories;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Files;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Engine.Updates.Audit;

/// <summary>The last dependency audit of this machine, kept beside the state (<c>deps-audit.json</c>) by every audit
/// (<c>jaga deps audit</c>, <c>plan</c>, <c>update</c>, the daemon's): each dependency with its versions, the policy's
/// decision and why, and the advisories that affect it. The dashboard shows it and the update plan it implies without
/// asking a registry on a page request.</summary>
/// <param name="At">When the audit was recorded (its log line's time).</param>
/// <param name="Passed">See <see cref="AuditReport.Passed"/>.</param>
/// <param name="Incomplete">See <see cref="AuditReport.Incomplete"/>.</param>
/// <param name="Items">Every dependency the audit judged.</param>
public sealed record LastAudit(DateTimeOffset At, bool Passed, bool Incomplete, IReadOnlyList<LastAuditItem> Items)
{
    public const string FileName = "deps-audit.json";

    public static string PathFor(LoadedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.BesideState(FileName);
    }

    /// <summary>Keeps <paramref name="report"/> as the last audit, its reasons in the plan's language, redacted (a registry's
    /// URL may carry a password); written whole or not at all.</summary>
    public static async Task SaveAsync(LoadedPlan plan, AuditReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(report);
        var words = Catalog.For(plan.Plan.Language);
        var json = new JsonObject
        {
            ["at"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["passed"] = report.Passed,
            ["incomplete"] = report.Incomplete,
            ["dependencies"] = new JsonArray([.. report.Findings.Select(f =>
            {
                var o = AuditJson.Finding(f);
                o["why"] = AuditWords.Why(f, words, plan.Plan.Update.Policy);
                return (JsonNode)o;
            })]),
        };
        var text = plan.Redactor.Redact(json.ToJsonString());
        var path = PathFor(plan);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteAsync(path, s => s.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask());
    }

    /// <summary>The last audit kept, or null when none was (or the file is not one: it is rewritten by the next audit).</summary>
    public static LastAudit? Load(LoadedPlan plan)
    {
        var path = PathFor(plan);
        if (!File.Exists(path)) return null;
        try
        {
            var o = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new LastAudit(
                DateTimeOffset.Parse((string)o["at"]!, CultureInfo.InvariantCulture),
                (bool)o["passed"]!,
                (bool)o["incomplete"]!,
                [.. o["dependencies"]!.AsArray().Select(d => Item(d!.AsObject()))]);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NullReferenceException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static LastAuditItem Item(JsonObject d) => new(
        (string)d["ecosystem"]!, (string)d["name"]!, (string?)d["current"], (string?)d["latest"], (string?)d["target"], (string?)d["update_type"],
        Enum.Parse<Decision>(((string)d["decision"]!).Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        (bool)d["security"]!, (string?)d["why"] ?? "", (string)d["manifest"]!, (int)d["line"]!,
        [.. d["advisories"]!.AsArray().Select(a => new LastAuditAdvisory(
            (string)a!["id"]!, Enum.Parse<Severity>((string)a["severity"]!, ignoreCase: true), (string?)a["fixed_in"], a["suppressed"] is not null))]);
}
