using System.CommandLine;
using Jaga.Core.Errors;
using Jaga.Engine;
using Jaga.Engine.Updates.Audit.Reports;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga deps audit [--format table|json|md|sarif] [--offline] [--refresh]</c>: every declared dependency with its current,
/// latest and allowed version, the update's kind, the advisories that affect it and the policy's decision. Exit 1 when an
/// advisory at or above <c>update.fail_on</c> counts, or when data is missing (an audit never passes blind).</summary>
internal static class DepsAuditCommand
{
    private static readonly string[] Formats = ["table", "json", "md", "sarif"];

    public static Command Create(CommandBuilder b)
    {
        var audit = b.Command("audit", "Outdated and vulnerable dependencies of every manifest, from the registries your own configuration names and the local OSV data; exit 1 on an advisory at or above update.fail_on or on missing data.",
            "jaga deps audit --format sarif > jaga.sarif");
        var format = new Option<string>("--format") { Description = "table (default), json, md or sarif" };
        var offline = new Option<bool>("--offline") { Description = "Answer from the registry cache only (what the last audit fetched)" };
        var refresh = new Option<bool>("--refresh") { Description = "Ask the registries again even for answers cached less than 10 minutes ago" };
        audit.Options.Add(format);
        audit.Options.Add(offline);
        audit.Options.Add(refresh);
        b.Action(audit, async (parse, ctx, ct) =>
        {
            var chosen = parse.GetValue(format) ?? (ctx.JsonOutput ? "json" : "table");
            if (!Formats.Contains(chosen))
            {
                var words = ctx.Messages(ctx.Loaded);
                throw new UserException(words.Format("cli.deps.format.invalid", chosen), words["cli.deps.format.invalid.hint"]);
            }
            await using var session = await DepsSession.OpenAsync(ctx, ct);
            var report = await session.AuditAsync(ctx, parse.GetValue(offline), parse.GetValue(refresh), ct);
            var (plan, w) = (session.Plan, session.Words);
            var now = ctx.Clock.GetUtcNow();
            var maxAge = plan.Plan.Update.AdvisoriesMaxAge;
            var gaps = AuditHeader.Gaps(report, w, maxAge);
            switch (chosen)
            {
                case "json":
                    ctx.Output.Write(AuditJson.Of(report, now, maxAge));
                    break;
                case "sarif":
                    ctx.Output.Write(AuditSarif.Of(report, JagaVersion.Current, gaps));
                    break;
                case "md":
                    ctx.Output.Out.Write(AuditMarkdown.Of(report, w, plan.Plan.Update.Policy, AuditHeader.Lines(report, w, now), gaps));
                    break;
                default:
                    foreach (var line in AuditHeader.Lines(report, w, now)) ctx.Output.Line(line);
                    // Gaps go to stderr as well as into the report: an audit that could not look must be seen.
                    foreach (var gap in gaps) ctx.Output.Error(gap);
                    ctx.Output.Line();
                    ctx.Output.Table(w.Columns("cli.deps.columns"), AuditTable.Rows(report, w, plan.Plan.Update.Policy));
                    ctx.Output.Line();
                    var unused = UnusedSection.Lines(report, w);
                    foreach (var line in unused) ctx.Output.Line(line);
                    if (unused.Count > 0) ctx.Output.Line();
                    ctx.Output.Line(AuditTable.Summary(report, w));
                    ctx.Output.Line(AuditTable.Verdict(report, w));
                    break;
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return audit;
    }
}
