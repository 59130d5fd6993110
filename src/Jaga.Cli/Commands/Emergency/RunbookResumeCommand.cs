using System.CommandLine;
using System.Globalization;
using Jaga.Cli.Composition;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Engine.Emergency.Runbooks;
using Jaga.Engine.Scheduling;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga runbook resume RUN</c>: continues a run from the step that failed or was interrupted; the steps that
/// succeeded are not repeated. A run whose process died (kill -9, a crash) is taken over once its lease runs out.</summary>
internal static class RunbookResumeCommand
{
    public static Command Create(CommandBuilder b)
    {
        var resume = b.Command("resume",
            "Continue a runbook run from the step that failed or was interrupted, after a crash too; steps that succeeded are not run again. A run still held by a process that died is taken over when its lease runs out (resume waits for it).",
            "jaga runbook resume 3f9a12bc");
        var id = RunbookRunInput.Run();
        resume.Arguments.Add(id);
        b.Action(resume, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var runId = parse.GetValue(id)!.Trim();
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using (store)
            {
                var found = await RunbookRunInput.FindAsync(store.Runbooks, runId, words, ct);
                if (found.Status is RunbookRunStatus.Succeeded or RunbookRunStatus.Cancelled)
                    throw new UserError(words.Format("cli.runbook.resume.ended", found.Id, new Phrase("runbook.status." + found.Status.ToString().ToLowerInvariant())));
                var runbook = plan.Plan.Emergency.Find(found.Runbook) ?? throw new UserError(words.Format("cli.runbook.resume.gone", found.Runbook, found.Id));
                // Steps are skipped by their place: a runbook whose steps moved since the run started would skip the wrong ones.
                // A step changed in place (its command fixed) keeps its place, and is what a resume is for.
                var attempts = await store.Runbooks.StepsAsync(found.Id, ct);
                if (Core.Emergency.StepAttempts.Moved(runbook, attempts) is { } moved)
                    throw new UserError(words.Format("cli.runbook.resume.changed", found.Id, found.Runbook, moved.Index + 1, moved.Name), words.Format("cli.runbook.resume.changed.hint", found.Runbook));
                await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Command);
                var runbooks = services.Runbooks(NodeId.New(journal.Node));
                var say = ctx.JsonOutput ? ctx.Output.Error : (Action<string>)ctx.Output.Line;
                var run = await TakeOverAsync(ctx, store.Runbooks, found, runbooks, words, say, ct);
                var outcome = await new RunbookExecutor(runbooks).ResumeAsync(run, runbook, RunbookRunView.Listener(words, say), ct);
                return RunbookRunView.Finish(ctx, outcome, words);
            }
        });
        return resume;
    }

    /// <summary>Takes the run over. An active run under a live lease is another process's: when its lease runs out within
    /// two leases (the process died), it is waited for; otherwise the user is told who holds it.</summary>
    private static async Task<RunbookRun> TakeOverAsync(
        CliContext ctx, IRunbookRuns runs, RunbookRun found, RunbookServices s, Catalog words, Action<string> say, CancellationToken ct)
    {
        DateTimeOffset? first = null;
        while (true)
        {
            var now = ctx.Clock.GetUtcNow();
            var current = await runs.GetAsync(found.Id, ct) ?? found;
            // A run waiting for approval under a live lease has a driver too (a terminal waiting for the approvals): it is
            // not taken from it, though the store would let a take-over have it.
            var driven = current.Status is RunbookRunStatus.Running or RunbookRunStatus.WaitingApproval && current.LeaseUntil >= now;
            if (!driven && await runs.TryTakeOverAsync(found.Id, s.Node, now, s.Lease, ct) is { } taken) return taken;
            current = await runs.GetAsync(found.Id, ct) ?? current;
            var until = TimeZoneInfo.ConvertTime(current.LeaseUntil, s.Plan.Plan.Timezone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            if (current.Status is RunbookRunStatus.Succeeded or RunbookRunStatus.Cancelled)
                throw new UserError(words.Format("cli.runbook.resume.ended", current.Id, new Phrase("runbook.status." + current.Status.ToString().ToLowerInvariant())));
            // Renewed while we waited, or far off: its process is alive and driving it.
            if (current.LeaseUntil - now > 2 * s.Lease || (first is { } seen && current.LeaseUntil > seen))
                throw new UserError(words.Format("cli.runbook.resume.busy", current.Id, current.Node, until), words["cli.runbook.resume.busy.hint"]);
            if (first is null) say(words.Format("cli.runbook.resume.waiting", current.Id, current.Node, until));
            first ??= current.LeaseUntil;
            var wait = current.LeaseUntil - now;
            await Task.Delay(wait > TimeSpan.Zero ? wait + TimeSpan.FromMilliseconds(200) : TimeSpan.FromMilliseconds(200), ctx.RealTime, ct);
        }
    }
}
