using Jaga.Core.Scheduling;

namespace Jaga.Core.Plan;

/// <summary>A scheduled restore drill (<c>emergency.drills[]</c>): the latest backup of <paramref name="Backup"/> restored into
/// a scratch target, checked, and timed, on <paramref name="Schedule"/> or every <paramref name="Every"/>.</summary>
/// <param name="Backup">The backup job drilled.</param>
/// <param name="Schedule">When, as cron in the plan's zone; or <paramref name="Every"/>.</param>
/// <param name="Every">When, as a fixed interval.</param>
/// <param name="Test">A shell command run against the restored copy (<c>$JAGA_DRILL_TARGET</c>); exit 0 passes.</param>
/// <param name="Timeout">The whole drill's limit; the backup job's <c>timeout</c> when absent.</param>
public sealed record Drill(string Backup, CronSchedule? Schedule, TimeSpan? Every, string? Test, TimeSpan? Timeout)
{
    public ISchedule When => (ISchedule?)Schedule ?? new IntervalSchedule(Every ?? throw new InvalidOperationException($"drill of '{Backup}' has neither schedule nor every"));
}
