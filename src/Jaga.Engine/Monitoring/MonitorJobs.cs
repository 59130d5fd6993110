using Jaga.Core.Journal.Events.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Scheduling;
using Jaga.Engine.Logs;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Monitoring;

/// <summary>The monitoring pillar's scheduled jobs: one per check (<c>check:NAME</c>), the host monitor of this machine
/// (<c>host:MACHINE</c> — every node watches its own host), and the hourly compaction of the check history.</summary>
/// <remarks>Checks skip missed occurrences instead of catching up: a check that ran late has nothing to make up for. Each
/// check's occurrences are shifted within its period by a phase taken from its name, so checks with the same interval are
/// spread over it; checks are light jobs, outside <c>scheduler.concurrency</c>, and owned jobs: split between the live
/// nodes, not claimed run by run (see <see cref="ScheduledJob.Owned"/>).</remarks>
public static class MonitorJobs
{
    /// <summary>Time a check run may take beyond its own timeout (verdict, storing, alerting) before the scheduler stops it.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CompactEvery = TimeSpan.FromHours(1);

    /// <summary>How often log retention runs: hourly, like logrotate from cron.hourly, so <c>max_size</c> is honoured
    /// within the hour.</summary>
    private static readonly TimeSpan RetentionEvery = TimeSpan.FromHours(1);

    public static IEnumerable<ScheduledJob> For(LoadedPlan plan, MonitorServices services)
    {
        var monitoring = plan.Plan.Monitoring;
        foreach (var check in monitoring.Checks)
        {
            yield return new ScheduledJob(JobId.Check(check.Name), new IntervalSchedule(check.Every, IntervalSchedule.PhaseOf(check.Name, check.Every)),
                CatchUp.Skip, check.Timeout + Margin, async ct => Done(await services.Monitor.RunAsync(check, ct)))
            { Light = true, MissedQuietly = true, Owned = true };
        }
        if (services.Host is { } host && monitoring.Host is { } settings)
        {
            yield return new ScheduledJob(JobId.Host(Environment.MachineName), new IntervalSchedule(settings.Every), CatchUp.Skip, Margin + Margin,
                async ct => Done(await host.RunAsync(ct)))
            { MissedQuietly = true };
        }
        if (monitoring.Logs.Count > 0 || plan.Plan.Log.Rotate is not null)
        {
            // Log files are this machine's: every node prunes its own, like the host monitor.
            yield return new ScheduledJob(JobId.Logs(Environment.MachineName), new IntervalSchedule(RetentionEvery), CatchUp.Skip, TimeSpan.FromMinutes(30),
                ct => RetainLogsAsync(plan, services, ct))
            { MissedQuietly = true };
        }
        if (monitoring.Checks.Count > 0 || monitoring.Host is not null)
        {
            yield return new ScheduledJob(JobId.History, new IntervalSchedule(CompactEvery), CatchUp.Skip, TimeSpan.FromMinutes(30),
                ct => CompactAsync(plan, services, ct))
            { MissedQuietly = true };
        }
    }

    /// <summary>A check's run fails when the check is down by its alert rule (after N failures), not at its first failed
    /// probe: a single blip is in the history but is not a failed job.</summary>
    private static JobResult Done(CheckRun run) => new(run.Status != Core.Monitoring.CheckStatus.Down, run.Result.Reason);

    /// <summary>One pass of log retention over every rule and the maintenance log; each action writes its own line.</summary>
    private static async Task<JobResult> RetainLogsAsync(LoadedPlan plan, MonitorServices services, CancellationToken ct)
    {
        var pass = new LogRetentionPass(services.Journal, services.Clock, plan.Directory);
        var actions = 0;
        var failed = 0;
        foreach (var target in LogTargets.For(plan, services.Journal))
        {
            var report = await pass.RunAsync(target, dryRun: false, ct);
            actions += report.Actions.Count;
            failed += report.Failed;
        }
        return new JobResult(failed == 0, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{actions} log action(s), {failed} failed"));
    }

    /// <summary>Rolls and expires check history; a line only when something was removed (nothing to say otherwise).</summary>
    private static async Task<JobResult> CompactAsync(LoadedPlan plan, MonitorServices services, CancellationToken ct)
    {
        await services.Results.FlushAsync(ct);
        var done = await services.Store.Checks.CompactAsync(plan.Plan.Monitoring.History, services.Clock.GetUtcNow(), ct);
        if (done.RawRemoved + done.HourlyRemoved + done.DailyRemoved == 0) return new JobResult(true, "nothing to compact");
        var entry = await services.Journal.RecordAsync(new HistoryCompacted(done.RawRemoved, done.HourlyRemoved, done.DailyRemoved)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["raw_removed"] = done.RawRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["hourly_removed"] = done.HourlyRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["daily_removed"] = done.DailyRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        }, ct: ct);
        return new JobResult(true, entry.Message);
    }
}
