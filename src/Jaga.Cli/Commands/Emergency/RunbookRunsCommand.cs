using System.CommandLine;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook runs [RUN]</c>: the record of runbook runs from the state store — newest first, or one run with
/// its parameters, every attempt at every step with its output's tail, and who approved what. Read-only; every text masked.</summary>
internal static class RunbookRunsCommand
{
    /// <summary>The most runs one listing reads (each costs a read of its steps).</summary>
    public const int MaxLimit = 1000;

    public static Command Create(CommandBuilder b)
    {
        var runs = b.Command("runs", "List runbook runs, newest first, or show one run: its parameters, every step attempt with its output, and the approvals.",
            "jaga runbook runs 3f9a0c12");
        var run = new Argument<string?>("RUN") { Description = "A run's id (or its first 4 or more digits): show that run in full", Arity = ArgumentArity.ZeroOrOne };
        var runbook = new Option<string?>("--runbook") { Description = "Only the runs of this runbook" };
        var limit = new Option<int>("--limit") { Description = $"At most this many runs (1 to {MaxLimit})", DefaultValueFactory = _ => 20 };
        runs.Arguments.Add(run);
        runs.Options.Add(runbook);
        runs.Options.Add(limit);
        b.Action(runs, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var count = parse.GetValue(limit);
            if (count is < 1 or > MaxLimit) throw new UserError(words.Format("cli.runbook.runs.limit", MaxLimit, count));
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var view = new RunbookRunsView(ctx, words, plan.Plan.Timezone, ctx.Clock.GetUtcNow());
            if (parse.GetValue(run) is { } id)
            {
                var found = await RunbookRunInput.FindAsync(store.Runbooks, id, words, ct);
                var report = await RunbookRunReport.LoadAsync(store.Runbooks, found, ct);
                view.One(report.Run, report.Attempts, report.Approvals);
                return ExitCodes.Ok;
            }
            var name = parse.GetValue(runbook);
            var listed = await store.Runbooks.ListAsync(name, count, ct);
            var steps = new List<RunbookStepAttempt?>();
            foreach (var r in listed) steps.Add(RunbookRunInput.CurrentStep(r, await store.Runbooks.StepsAsync(r.Id, ct)));
            view.List(listed, steps, name);
            return ExitCodes.Ok;
        });
        return runs;
    }
}
