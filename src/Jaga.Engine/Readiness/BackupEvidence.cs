using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Readiness;

namespace Jaga.Engine.Readiness;

/// <summary>Point 7, backup and monitoring: each backup job has a verified backup younger than two periods of its schedule
/// (one missed run is allowed, two are not), checks are configured, and a daemon is alive.</summary>
internal static class BackupEvidence
{
    public static async Task<IReadOnlyList<Evidence>> GatherAsync(ReadinessInputs inputs, CancellationToken ct)
    {
        var plan = inputs.Plan.Plan;
        var now = inputs.Clock.GetUtcNow();
        var found = new List<Evidence>();
        if (plan.Backup.Count == 0) found.Add(Evidence.Failed("cli.checklist.backup.nojob"));
        foreach (var job in plan.Backup)
        {
            var allowed = Allowed(job, now, plan.Timezone);
            var verified = (await inputs.Store.Backups.ListAsync(job.Name, ct))
                .Where(r => r.Status == BackupStatus.Complete && r.VerifiedAt is not null && r.VerifyResult == "ok")
                .MaxBy(r => r.FinishedAt ?? r.StartedAt);
            if (verified is null) found.Add(Evidence.Failed("cli.checklist.backup.none", job.Name));
            else if (now - (verified.FinishedAt ?? verified.StartedAt) is var age && age > allowed)
                found.Add(Evidence.Failed("cli.checklist.backup.old", job.Name, DependencyEvidence.DurationText(age), DependencyEvidence.DurationText(allowed)));
            else found.Add(Evidence.Ok("cli.checklist.backup.fresh", job.Name, DependencyEvidence.DurationText(now - (verified.FinishedAt ?? verified.StartedAt))));
        }
        found.Add(plan.Monitoring.Checks.Count > 0
            ? Evidence.Ok("cli.checklist.checks", plan.Monitoring.Checks.Count)
            : Evidence.Failed("cli.checklist.checks.none"));
        var silence = TimeSpan.FromTicks(Math.Max(plan.Scheduler.Lease.Ticks * 2, TimeSpan.FromMinutes(2).Ticks));
        var alive = (await inputs.Store.Nodes.NodesAsync(ct)).Where(n => n.StoppedAt is null && now - n.LastSeen <= silence).Select(n => n.Id).ToList();
        found.Add(alive.Count > 0 ? Evidence.Ok("cli.checklist.daemon.alive", string.Join(", ", alive)) : Evidence.Failed("cli.checklist.daemon.none"));
        return found;
    }

    /// <summary>Two periods of the job's schedule, measured at the next two occurrences.</summary>
    private static TimeSpan Allowed(BackupJob job, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (job.Every is { } every) return every * 2;
        var next = job.When.Next(now, zone);
        var after = next is { } n ? job.When.Next(n, zone) : null;
        return next is { } a && after is { } b ? (b - a) * 2 : TimeSpan.FromDays(2);
    }
}
