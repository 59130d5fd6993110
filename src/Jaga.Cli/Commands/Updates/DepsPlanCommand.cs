using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Updates.Audit;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga deps plan</c>: what <c>jaga deps update --apply</c> will apply, what waits for review, what is left to a
/// person, and why each, by the plan's policy.</summary>
internal static class DepsPlanCommand
{
    public static Command Create(CommandBuilder b)
    {
        var planCommand = b.Command("plan", "The update plan by the policy: what will be applied, what waits for review, what is left to you, and why.", "jaga deps plan");
        var offline = new Option<bool>("--offline") { Description = "Answer from the registry cache only" };
        planCommand.Options.Add(offline);
        b.Action(planCommand, async (parse, ctx, ct) =>
        {
            await using var session = await DepsSession.OpenAsync(ctx, ct);
            var report = await session.AuditAsync(ctx, parse.GetValue(offline), ct);
            var (w, policy) = (session.Words, session.Plan.Plan.Update.Policy);
            var groups = new[] { Decision.Apply, Decision.Review, Decision.Manual, Decision.Unknown }
                .Select(d => (Decision: d, Findings: report.Findings.Where(f => f.Decision == d).OrderBy(f => f.Dependency.Name, StringComparer.OrdinalIgnoreCase).ToList()))
                .ToList();
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject(groups.Select(g => KeyValuePair.Create(AuditWords.Of(g.Decision),
                    (JsonNode?)new JsonArray([.. g.Findings.Select(f =>
                    {
                        var o = AuditJson.Finding(f);
                        o["why"] = AuditWords.Why(f, w, policy);
                        return (JsonNode)o;
                    })])))));
                return report.Incomplete ? ExitCodes.Failed : ExitCodes.Ok;
            }
            foreach (var gap in AuditHeader.Gaps(report, w, session.Plan.Plan.Update.AdvisoriesMaxAge)) ctx.Output.Error(gap);
            if (groups.All(g => g.Findings.Count == 0))
            {
                ctx.Output.Line(w["cli.deps.plan.nothing"]);
                return ExitCodes.Ok;
            }
            foreach (var (decision, findings) in groups.Where(g => g.Findings.Count > 0))
            {
                ctx.Output.Line(w.Format("cli.deps.plan." + AuditWords.Of(decision), findings.Count));
                foreach (var f in findings)
                {
                    ctx.Output.Line("  " + w.Format("cli.deps.plan.line", f.Dependency.Name, f.Current ?? "?", f.Target ?? f.Latest ?? "?",
                        f.TargetKind is { } k ? w["word.kind." + AuditWords.Of(k)] : "-", AuditWords.Why(f, w, policy), f.Dependency.Where));
                }
                ctx.Output.Line();
            }
            return report.Incomplete ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return planCommand;
    }
}
