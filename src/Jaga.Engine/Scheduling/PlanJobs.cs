using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Engine.Audit;
using Jaga.Engine.Backup;
using Jaga.Engine.Emergency.Drills;
using Jaga.Engine.Journal;
using Jaga.Engine.Monitoring;
using Jaga.Engine.Updates.Schedule;

namespace Jaga.Engine.Scheduling;

/// <summary>The scheduled jobs a plan asks for: each backup job, each scheduled verification, each restore drill, the audit
/// checkpoints, and the update pillar's runs. Later pillars add theirs here.</summary>
public static class PlanJobs
{
    private static readonly TimeSpan CheckpointTimeout = TimeSpan.FromHours(1);

    /// <summary>The jobs of <paramref name="plan"/>; without <paramref name="monitoring"/> services (e.g. only to list the
    /// backup jobs) the monitoring jobs are left out, and without <paramref name="updates"/> the update pillar's.</summary>
    public static IReadOnlyList<ScheduledJob> For(
        LoadedPlan plan, IStateStore store, MaintenanceJournal journal, BackupServices services, TimeProvider clock, MonitorServices? monitoring = null,
        TimeProvider? realTime = null, UpdateJobServices? updates = null)
    {
        var jobs = new List<ScheduledJob>();
        foreach (var job in plan.Plan.Backup)
        {
            // The runner keeps the job's timeout itself (and records the run timed out); the scheduler's is a backstop.
            jobs.Add(new ScheduledJob(JobId.Backup(job.Name), job.When, job.CatchUp, job.Timeout + TimeoutBackstop, ct => BackupAsync(services, job, ct)));
            if (job.Verify?.Schedule is { } verify)
                jobs.Add(new ScheduledJob(JobId.Verify(job.Name), verify, job.CatchUp, job.Timeout, ct => VerifyAsync(services, store, job, ct))
                {
                    // A verification with nothing to verify must not use up its occurrence: it waits for its job's backup.
                    Ready = async ct => await BackupSchedule.VerifiableAsync(store.Backups, job.Name, ct) is not null,
                    After = JobId.Backup(job.Name),
                });
        }
        foreach (var drill in plan.Plan.Emergency.Drills)
        {
            var job = plan.Plan.Backup.First(b => b.Name == drill.Backup);
            jobs.Add(DrillJob.For(new DrillSpec(drill.Backup, drill.Test, drill.Timeout ?? job.Timeout), drill.When, services, store.Drills, realTime ?? clock));
        }
        if (plan.Plan.Audit.Checkpoint is { } checkpoint)
            jobs.Add(new ScheduledJob(JobId.Checkpoint, checkpoint, CatchUp.Once, CheckpointTimeout, ct => CheckpointAsync(plan, journal, clock, ct)));
        // After the others: `run --once` runs jobs in this order, and the security watch waits for the scheduled update run.
        if (updates is not null) jobs.AddRange(UpdateJobs.For(updates));
        if (monitoring is not null) jobs.AddRange(MonitorJobs.For(plan, monitoring));
        return jobs;
    }


    /// <summary>How much longer than a backup's own timeout the scheduler waits before it cancels the run itself.</summary>
    private static readonly TimeSpan TimeoutBackstop = TimeSpan.FromSeconds(30);

    private static async Task<JobResult> BackupAsync(BackupServices services, BackupJob job, CancellationToken ct)
    {
        try
        {
            var result = await new BackupRunner(services).RunClaimedAsync(job, ct);
            return new JobResult(result.Succeeded, result.Summary, result.Record?.Size) { TimedOutAfter = result.TimedOutAfter };
        }
        catch (Exception e) when (e is BackupSourceException or DestinationException or UserException)
        {
            var entry = await services.Journal.RecordAsync(new BackupFailed(job.Name, e.Message), ct: ct);
            return new JobResult(false, entry.Message);
        }
    }

    private static async Task<JobResult> VerifyAsync(BackupServices services, IStateStore store, BackupJob job, CancellationToken ct)
    {
        var latest = await BackupSchedule.VerifiableAsync(store.Backups, job.Name, ct);
        // Only when the backup went away after the scheduler saw it (Ready): the verification has nothing to do.
        if (latest is null) return new JobResult(true, services.Journal.Messages.Format("verify.nothing", job.Name));
        try
        {
            var outcome = await new BackupVerifier(services).VerifyAsync(latest, BackupSchedule.RestoreWhenVerifying(job), null, ct);
            return new JobResult(outcome.Ok, outcome.Line);
        }
        catch (Exception e) when (e is BackupSourceException or UserException)
        {
            var entry = await services.Journal.RecordAsync(new BackupVerifyFailed(latest.Artifact, e.Message), ct: ct);
            return new JobResult(false, entry.Message);
        }
    }

    /// <summary>Verifies the chain and the log file, then signs a checkpoint; a chain that does not verify is not signed.</summary>
    private static async Task<JobResult> CheckpointAsync(LoadedPlan plan, MaintenanceJournal journal, TimeProvider clock, CancellationToken ct)
    {
        var report = await PlanVerification.RunAsync(plan, journal, record: false, ct: ct);
        var line = await AuditReportJournal.RecordAsync(journal, report, null, ct);
        if (!report.Intact) return new JobResult(false, line.Message);
        var (checkpoint, refused) = await Checkpoints.CreateAsync(journal, plan, clock, null, ct);
        return refused is not null ? new JobResult(false, refused.ToString() ?? "refused") : new JobResult(true, checkpoint is null ? line.Message : $"checkpoint #{checkpoint.Seq}");
    }
}
