using System.CommandLine;
using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Engine.Audit;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Pipeline;
using Jaga.Engine.Files;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga run --once</c>: carries out the plan's work that is due, then exits.</summary>
/// <remarks>This release's due work: load and record the plan, render the maintenance-plan document,
/// verify the audit chain, run the backups and verifications that are due, then sign a checkpoint when the
/// schedule says so (or when none exists).
/// Later pillars add their jobs here; the long-running daemon (without --once) is the next step.</remarks>
internal static class RunCommand
{
    public static Command Create(CommandBuilder b)
    {
        var run = b.Command("run", "Carry out the plan: run every job that is due (--once), then exit.", "jaga run --once --plan examples/tokoku/jaga.yaml");
        var once = new Option<bool>("--once") { Description = "Run what is due once and exit (the daemon mode comes in a later release)" };
        run.Options.Add(once);
        b.Action(run, async (parse, ctx, ct) =>
        {
            if (!parse.GetValue(once))
                throw new UserError("this release runs the plan with 'jaga run --once' (for cron or systemd timers); the long-running daemon is not in this release yet");
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var ran = 0;
            var failed = 0;
            void Show(AuditEntry e) => ctx.Output.Line(e.Line);

            Show(await journal.RecordAsync(Severity.Info, "plan.load", "plan.loaded", [plan.File, plan.Sha256[..12]],
                new Dictionary<string, string> { ["plan_sha256"] = plan.Sha256 }, ct: ct));
            ran++;

            var document = Path.Combine(Path.GetDirectoryName(AuditKeys.PrivatePath(plan))!, "maintenance-plan.md");
            AtomicFile.WriteAllText(document, PlanDocument.Markdown(plan));
            Show(await journal.RecordAsync(Severity.Info, "plan.render", "plan.rendered", [Path.GetRelativePath(plan.Directory, document)], ct: ct));
            ran++;

            // Verify first: a checkpoint must never vouch for a chain that does not verify.
            var report = await AuditVerifier.VerifyAsync(store, journal.LogPath, AuditKeys.LoadPublic(plan, null), null, hold: journal.HoldAsync, ct: ct);
            Show(await AuditReportJournal.RecordAsync(journal, report, ct));
            ran++;
            if (!report.Intact) failed++;

            (ran, failed) = await RunBackupsAsync(ctx, plan, store, journal, Show, ran, failed, ct);

            var checkpoints = await store.CheckpointsAsync(ct);
            if (report.Intact && (checkpoints.Count == 0 || await Checkpoints.IsDueAsync(journal, plan, ctx.Clock, ct)))
            {
                var before = (await store.HeadAsync(ct))?.Seq ?? 0;
                var (_, refused) = await Checkpoints.CreateAsync(journal, plan, ctx.Clock, null, ct);
                if (refused is not null) failed++;
                // The checkpoint may also have created the signing key: show every line it wrote.
                await foreach (var e in store.ReadAsync(before + 1, ct)) Show(e);
                ran++;
            }

            ctx.Output.Line(ctx.Messages(plan).Format("run.once.done", ran, failed));
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return run;
    }

    /// <summary>Due backups, then due verifications, each job on its own: one failing does not stop the others.</summary>
    private static async Task<(int Ran, int Failed)> RunBackupsAsync(
        CliContext ctx, LoadedPlan plan, Core.Ports.IStateStore store, Engine.Journal.MaintenanceJournal journal, Action<AuditEntry> show, int ran, int failed, CancellationToken ct)
    {
        var services = new BackupServices(plan, store.Backups, journal, ctx.Clock, new BackupConnectors(plan), DestinationRetry.Default(TimeProvider.System));
        var zone = plan.Plan.Timezone;
        foreach (var job in plan.Plan.Backup)
        {
            if (!BackupSchedule.BackupDue(job, await store.Backups.ListAsync(job.Name, ct), ctx.Clock.GetUtcNow(), zone)) continue;
            ran++;
            try
            {
                var result = await new BackupRunner(services).RunAsync(job, null, ct);
                ctx.Output.Line(result.Summary);
                if (!result.Succeeded) failed++;
            }
            catch (Exception e) when (e is Core.Ports.BackupSourceException or Core.Ports.DestinationException or BackupKeyException or ArgumentException)
            {
                failed++;
                show(await journal.RecordAsync(Severity.Error, "backup.run", "backup.failed", [job.Name, e.Message], ct: ct));
            }
        }
        foreach (var job in plan.Plan.Backup)
        {
            var records = await store.Backups.ListAsync(job.Name, ct);
            if (!BackupSchedule.VerifyDue(job, records, ctx.Clock.GetUtcNow(), zone)) continue;
            ran++;
            var latest = records.First(r => r.Manifest is not null && r.Status is Core.Ports.BackupStatus.Complete or Core.Ports.BackupStatus.Partial);
            try
            {
                var outcome = await new BackupVerifier(services).VerifyAsync(latest, BackupSchedule.RestoreWhenVerifying(job), null, ct);
                ctx.Output.Line(outcome.Line);
                if (!outcome.Ok) failed++;
            }
            catch (Exception e) when (e is Core.Ports.BackupSourceException or BackupKeyException or Core.Crypto.AgeException or ArgumentException)
            {
                failed++;
                show(await journal.RecordAsync(Severity.Error, "backup.verify", "backup.verify.failed", [latest.Artifact, e.Message], ct: ct));
            }
        }
        return (ran, failed);
    }
}
