using Jaga.Core.Ledger;
using Jaga.Core.Plan;
using Jaga.Core.Scheduling;
using Jaga.Engine.Scheduling;

namespace Jaga.Engine.Monitoring;

/// <summary>The monitoring pillar's scheduled jobs: one per check (<c>check:NAME</c>), the host monitor of this machine
/// (<c>host:MACHINE</c> — every node watches its own host), and the hourly compaction of the check history.</summary>
/// <remarks>Checks skip missed occurrences instead of catching up: a check that ran late has nothing to make up for.</remarks>
public static class MonitorJobs
{
    /// <summary>Time a check run may take beyond its own timeout (verdict, storing, alerting) before the scheduler stops it.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CompactEvery = TimeSpan.FromHours(1);

    public static IEnumerable<ScheduledJob> For(LoadedPlan plan, MonitorServices services)
    {
        var monitoring = plan.Plan.Monitoring;
        foreach (var check in monitoring.Checks)
        {
            yield return new ScheduledJob("check:" + check.Name, "check", new IntervalSchedule(check.Every), CatchUp.Skip, check.Timeout + Margin,
                async ct => Done(services, check.Name, await services.Monitor.RunAsync(check, ct)));
        }
        if (services.Host is { } host && monitoring.Host is { } settings)
        {
            yield return new ScheduledJob("host:" + Environment.MachineName, "host", new IntervalSchedule(settings.Every), CatchUp.Skip, Margin + Margin,
                async ct => Done(services, HostWatch.CheckName, await host.RunAsync(ct)));
        }
        if (monitoring.Checks.Count > 0 || monitoring.Host is not null)
        {
            yield return new ScheduledJob("monitor:history", "history", new IntervalSchedule(CompactEvery), CatchUp.Skip, TimeSpan.FromMinutes(30),
                ct => CompactAsync(plan, services, ct));
        }
    }

    /// <summary>A check's run fails when the check is down by its alert rule (after N failures), not at its first failed
    /// probe: a single blip is in the history but is not a failed job.</summary>
    private static JobResult Done(MonitorServices services, string check, Core.Monitoring.CheckResult result) =>
        new(services.Monitor.StatusOf(check) != Core.Monitoring.CheckStatus.Down, result.Reason);

    /// <summary>Rolls and expires check history; a line only when something was removed (nothing to say otherwise).</summary>
    private static async Task<JobResult> CompactAsync(LoadedPlan plan, MonitorServices services, CancellationToken ct)
    {
        await services.Results.FlushAsync(ct);
        var done = await services.Store.Checks.CompactAsync(plan.Plan.Monitoring.History, services.Clock.GetUtcNow(), ct);
        if (done.RawRemoved + done.HourlyRemoved + done.DailyRemoved == 0) return new JobResult(true, "nothing to compact");
        var entry = await services.Journal.RecordAsync(Severity.Info, "monitor.history", "history.compacted", [done.RawRemoved, done.HourlyRemoved, done.DailyRemoved],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["raw_removed"] = done.RawRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["hourly_removed"] = done.HourlyRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["daily_removed"] = done.DailyRemoved.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, ct: ct);
        return new JobResult(true, entry.Message);
    }
}
