using System.CommandLine;
using Jaga.Cli.Commands.Backup;
using Jaga.Cli.Composition;
using Jaga.Core.Emergency;
using Jaga.Engine.Emergency.Runbooks;
using Jaga.Engine.Scheduling;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook run NAME [--param k=v] [--dry-run] [--yes]</c>: shows the steps as the dry run sees them and the
/// parameters, asks, then runs the runbook with its output streamed to the terminal and every step recorded.</summary>
internal static class RunbookRunCommand
{
    public static Command Create(CommandBuilder b)
    {
        var run = b.Command("run",
            "Run a runbook now. Without --yes it first shows every step as the dry run sees it (what would be overwritten, what is missing) and the parameters, and asks. Output of run steps streams to the terminal; every step is recorded in the run record, the maintenance log and the audit chain. Exit 0 when every step succeeded, 1 when the run failed or was interrupted (continue it with jaga runbook resume).",
            "jaga runbook run restore-db --param from=latest_verified --yes");
        var name = new Argument<string>("NAME") { Description = "The runbook's name in the plan (jaga runbook list)" };
        var param = new Option<string[]>("--param", "-p") { Description = "A parameter as name=value; repeat for several", AllowMultipleArgumentsPerToken = false };
        var dry = new Option<bool>("--dry-run") { Description = "Only check each step without doing it, each labelled simulated, preconditions checked, or cannot be simulated; exit 1 when a step would fail" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (for scripts)" };
        run.Arguments.Add(name);
        run.Options.Add(param);
        run.Options.Add(dry);
        run.Options.Add(yes);
        b.Action(run, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var runbook = RunbookCommand.Find(plan, parse.GetValue(name)!, ctx);
            var values = RunbookParameters.Require(runbook, RunbookParameters.ParsePairs(parse.GetValue(param) ?? [], words), words);
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Command);
                var runbooks = services.Runbooks(NodeId.New(journal.Node));
                var say = ctx.JsonOutput ? ctx.Output.Error : (Action<string>)ctx.Output.Line;
                var isDry = parse.GetValue(dry);
                if (isDry || !parse.GetValue(yes))
                {
                    var checks = await new RunbookDryRun(runbooks).CheckAsync(runbook, values, ct);
                    if (isDry && ctx.JsonOutput)
                    {
                        ctx.Output.Write(RunbookRunView.DryJson(runbook, values, checks));
                    }
                    else
                    {
                        RunbookRunView.Parameters(values, words, say);
                        RunbookRunView.Steps(runbook, checks, words, say);
                    }
                    var notReady = checks.Count(c => !c.Ready);
                    if (isDry)
                    {
                        say(notReady == 0 ? words["cli.runbook.run.dry.ok"] : words.Format("cli.runbook.run.dry.notready", notReady));
                        return notReady == 0 ? ExitCodes.Ok : ExitCodes.Failed;
                    }
                    if (!Confirm.Ask(ctx, words.Format("cli.runbook.run.ask", runbook.Name)))
                        throw new UserError(Confirm.CanAsk(ctx) ? words["cli.runbook.run.declined"] : words["cli.runbook.run.yes"]);
                }
                await RunbookReview.RequireAsync(runbook, values, journal, words, ct);
                var outcome = await new RunbookExecutor(runbooks).StartAsync(runbook, values, "manual", CliContext.Actor, null, RunbookRunView.Listener(words, say), ct);
                return RunbookRunView.Finish(ctx, outcome, words);
            }
        });
        return run;
    }
}
