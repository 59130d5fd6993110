using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Cli.Daemon;
using Jaga.Core.Journal.Events.Plan;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Schema;
using Jaga.Core.Storage;
using Jaga.Engine.Audit;
using Jaga.Engine.Files;
using Jaga.Cli.Composition;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga run</c>: the daemon that carries out the plan on schedule; <c>jaga run --once</c>: what is due now, then exit.</summary>
internal static class RunCommand
{
    public static Command Create(CommandBuilder b)
    {
        var run = b.Command("run", "Carry out the plan: the daemon that runs every job on schedule and serves /metrics, /healthz, /readyz and heartbeat URLs; with --once, run what is due and exit.",
            "jaga run --plan examples/tokoku/jaga.yaml");
        var once = new Option<bool>("--once") { Description = "Run every job that is due now (its latest scheduled time has not run yet, or it never ran), then exit; for cron" };
        run.Options.Add(once);
        b.Action(run, async (parse, ctx, ct) => parse.GetValue(once) ? await OnceAsync(ctx, ct) : await JagaDaemon.RunAsync(ctx));
        return run;
    }

    /// <summary>Load and record the plan, render the maintenance-plan document, verify the audit chain, run every due job,
    /// and sign a first checkpoint when none exists.</summary>
    private static async Task<int> OnceAsync(CliContext ctx, CancellationToken ct)
    {
        var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
        await using var _ = store;
        var ran = 0;
        var failed = 0;
        // With --json the lines are gathered and written once, as one document, with how each job ended.
        var lines = new JsonArray();
        void Show(AuditEntry e)
        {
            if (ctx.JsonOutput) lines.Add(AuditCommand.ToJson(e));
            else ctx.Output.Line(e.Line);
        }
        var runs = new JsonArray();

        Show(await journal.RecordAsync(new PlanLoaded(plan.File, plan.Sha256[..12]) { Data = new Dictionary<string, string> { ["plan_sha256"] = plan.Sha256 } }, ct: ct));
        ran++;

        var document = Path.Combine(Path.GetDirectoryName(AuditKeys.PrivatePath(plan))!, "maintenance-plan.md");
        AtomicFile.WriteAllText(document, PlanDocument.Markdown(plan));
        Show(await journal.RecordAsync(new PlanRendered(Path.GetRelativePath(plan.Directory, document)), ct: ct));
        ran++;

        // Verify first: a checkpoint must never vouch for a chain that does not verify.
        var report = await AuditVerifier.VerifyAsync(store, journal.LogPath, AuditKeys.LoadPublic(plan, null), null, hold: journal.HoldAsync, ct: ct);
        Show(await AuditReportJournal.RecordAsync(journal, report, null, ct));
        ran++;
        if (!report.Intact) failed++;

        await using var scheduler = CompositionRoot.NewScheduler(plan, store, journal, ctx.Clock, new ErrorLog(ctx.Output, plan.Redactor));
        await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Once);
        scheduler.Replace([.. services.Jobs().Where(j => report.Intact || j.Kind != Core.Scheduling.JobKind.Checkpoint)]);
        var before = (await store.HeadAsync(ct))?.Seq ?? 0;
        foreach (var r in await scheduler.RunOnceAsync(ct))
        {
            ran++;
            if (r.Failed) failed++;
            runs.Add(new JsonObject { ["job"] = r.Job.Id.Text, ["kind"] = EnumWord.Of(r.Job.Kind), ["outcome"] = r.Outcome.ToText(), ["detail"] = r.Detail });
        }
        // Results written and alerts delivered (or given up) before the lines are shown and the process exits.
        await services.DisposeAsync();
        // Every line the jobs wrote (backups, verifications, checkpoints, catch-ups), in order.
        await foreach (var e in store.ReadAsync(before + 1, ct)) Show(e);

        if (report.Intact && (await store.CheckpointsAsync(ct)).Count == 0)
        {
            before = (await store.HeadAsync(ct))?.Seq ?? 0;
            var (_, refused) = await Checkpoints.CreateAsync(journal, plan, ctx.Clock, null, ct);
            if (refused is not null) failed++;
            // The checkpoint may also have created the signing key: show every line it wrote.
            await foreach (var e in store.ReadAsync(before + 1, ct)) Show(e);
            ran++;
        }

        if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["ran"] = ran, ["failed"] = failed, ["jobs"] = runs, ["lines"] = lines });
        else ctx.Output.Line(ctx.Messages(plan).Format("run.once.done", ran, failed));
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
