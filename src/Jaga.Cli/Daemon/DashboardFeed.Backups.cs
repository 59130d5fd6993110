using Jaga.Core.Charts;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Backup;
using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Ports;
using Jaga.Core.Scheduling;
using Jaga.Dashboard.Backups;
using Jaga.Engine.Backup;
using Jaga.Engine.Scheduling;
using Microsoft.Extensions.Logging;

namespace Jaga.Cli.Daemon;

/// <summary>The backups page's part: the backup catalog as <c>jaga backup list</c> reads it, the report of <c>jaga status</c>
/// (last run, next due, drills), and its two acts, run in the daemon: "back up now" through the scheduler (claimed in the run
/// ledger, so no node runs it twice) and "verify" as <c>jaga backup verify --latest --job JOB</c> does.</summary>
internal sealed partial class DashboardFeed
{
    public async Task<BackupsView> BackupsAsync(string? all, CancellationToken ct)
    {
        var report = await ReportAsync(ct);
        var plan = state.Plan.Plan;
        var running = state.Scheduler.Running;
        var jobs = new List<BackupJobView>();
        foreach (var job in plan.Backup)
        {
            var id = JobId.Backup(job.Name);
            var row = report.Rows.FirstOrDefault(r => r.Job.Id.Text == id.Text);
            var records = await state.Store.Backups.ListAsync(job.Name, ct);
            var drill = report.Drills.Rows.FirstOrDefault(d => d.Job == job.Name);
            var sizes = records.Where(r => r.Sha256 is not null && r.Status is BackupStatus.Complete or BackupStatus.Partial)
                .Select(r => new ChartPoint(r.FinishedAt ?? r.StartedAt, r.Size)).ToList();
            jobs.Add(new BackupJobView(
                job.Name, job.When.Text, job.To, row?.Summary?.Last,
                row?.Summary?.Last.Outcome == RunOutcome.Running || running.Contains(id.Text),
                state.Hand.Busy(VerifyKey(job.Name)),
                row?.Next ?? job.When.Next(report.Now, plan.Timezone),
                all == job.Name ? records : [.. records.Take(BackupJobView.Shown)], records.Count, sizes,
                drill is null ? null : new BackupDrillView(drill.Last, drill.LastSuccess),
                records.Any(BackupSchedule.IsVerifiable)));
        }
        return new BackupsView(jobs);
    }

    public async Task<BackupAct> BackUpNowAsync(string job, string user, CancellationToken ct)
    {
        if (state.Plan.Plan.Backup.All(j => j.Name != job)) return BackupAct.Nothing;
        var act = await state.Scheduler.RunNowAsync(JobId.Backup(job), ct) switch
        {
            RunNowResult.Started => BackupAct.Started,
            RunNowResult.Busy => BackupAct.Busy,
            RunNowResult.Unknown => BackupAct.Nothing,
            _ => BackupAct.Stopping,
        };
        if (act == BackupAct.Started)
            await state.Journal.RecordAsync(new DashboardBackupStarted(job, user) { Data = new Dictionary<string, string> { ["job"] = job, ["user"] = user } }, user, CancellationToken.None);
        return act;
    }

    public async Task<BackupAct> VerifyNowAsync(string job, string user, CancellationToken ct)
    {
        if (state.Plan.Plan.Backup.All(j => j.Name != job)) return BackupAct.Nothing;
        if (state.Services?.Backup is not { } services) return BackupAct.Stopping;
        if (await BackupSchedule.VerifiableAsync(state.Store.Backups, job, ct) is not { } record) return BackupAct.Nothing;
        var act = state.Hand.TryStart(VerifyKey(job), token => VerifyAsync(services, record, token),
            e => state.Logger.LogError(e, "verifying {Artifact} from the dashboard failed with an unexpected error (a bug)", record.Artifact));
        if (act == BackupAct.Started)
            await state.Journal.RecordAsync(new DashboardVerifyStarted(job, record.Artifact, user)
            {
                Data = new Dictionary<string, string> { ["job"] = job, ["id"] = record.Id, ["artifact"] = record.Artifact, ["user"] = user },
            }, user, CancellationToken.None);
        return act;
    }

    private static string VerifyKey(string job) => JobId.Verify(job).Text;

    /// <summary>What <c>jaga backup verify --latest --job JOB</c> does, without a test restore: every destination's copy
    /// re-read in full; it writes its own log line (verified, or what failed).</summary>
    private static async Task VerifyAsync(BackupServices services, BackupRecord record, CancellationToken ct)
    {
        try
        {
            await VerifyByHand.RunAsync(services, record, restore: false, null, ct);
        }
        catch (Exception e) when (e is BackupSourceException or UserException)
        {
            await services.Journal.RecordAsync(new BackupVerifyFailed(record.Artifact, e.Message), ct: ct);
        }
    }
}
