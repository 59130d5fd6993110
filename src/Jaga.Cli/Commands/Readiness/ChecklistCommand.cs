using System.CommandLine;
using Jaga.Cli.Composition;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Readiness;
using Jaga.Engine.Readiness;

namespace Jaga.Cli.Commands.Readiness;

/// <summary><c>jaga checklist [--format md|json]</c>: the seed's migration checklist with evidence gathered from git, the
/// files, the state store, the secrets scan and the application's URL. Exit 1 while a required point is unmet, so CI can
/// gate a release on it.</summary>
internal static class ChecklistCommand
{
    public static Command Create(CommandBuilder b)
    {
        var checklist = b.Command("checklist",
            "The readiness checklist: the seed's migration guideline point by point, each with evidence (env files not tracked, a recent dependency audit, CI that runs tests, security headers, documentation, a verified backup, a live daemon), then the seed's checklist with [x]/[ ]. Exit 1 while a required point is unmet.",
            "jaga checklist --format md > READINESS.md");
        var format = new Option<string>("--format") { Description = "md (default) or json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        checklist.Options.Add(format);
        b.Action(checklist, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var report = await GatherAsync(plan, store, ctx.Clock, ct);
            if (ctx.JsonOutput || parse.GetValue(format) == "json") ctx.Output.Write(ChecklistView.Json(report, words));
            else ctx.Output.Out.Write(ChecklistView.Markdown(report, plan.Plan.Project, words, plan.Plan.Timezone));
            return report.Ready ? ExitCodes.Ok : ExitCodes.Failed;
        });
        checklist.Subcommands.Add(ChecklistAckCommand.Create(b));
        return checklist;
    }

    /// <summary>The checklist with its evidence, as this command and the dashboard's checklist page gather it.</summary>
    public static Task<ChecklistReport> GatherAsync(LoadedPlan plan, IStateStore store, TimeProvider clock, CancellationToken ct) =>
        ReadinessChecklist.GatherAsync(new ReadinessInputs(plan, store, clock, CompositionRoot.SecretsScan(plan)), ct);
}
