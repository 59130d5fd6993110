using Jaga.Core.Metrics;
using Jaga.Core.Ports;

namespace Jaga.Cli.Daemon;

/// <summary>The restore drills in <c>/metrics</c>, per backup job that has been drilled. The label is <c>jaga_job</c>, as
/// for every job metric: Prometheus sets <c>job</c> itself, to the scrape's job.</summary>
internal static class DrillMetrics
{
    /// <param name="m">The document being written.</param>
    /// <param name="drills">Per backup job, its newest drill and its newest successful one (null when none).</param>
    public static void Add(PrometheusText m, IEnumerable<(string Job, DrillResult? Last, DrillResult? Success)> drills)
    {
        var success = m.Declare("jaga_drill_last_success_timestamp_seconds", "When the job's newest successful restore drill ended.", MetricType.Gauge);
        var recovery = m.Declare("jaga_drill_recovery_seconds", "The recovery time of the job's newest successful restore drill: from its start to the restored copy verified.", MetricType.Gauge);
        var loss = m.Declare("jaga_drill_data_loss_seconds", "The data-loss window of the job's newest successful restore drill: the age of the backup it restored.", MetricType.Gauge);
        var ok = m.Declare("jaga_drill_last_ok", "1 when the job's newest restore drill succeeded, 0 when it failed.", MetricType.Gauge);
        foreach (var (job, last, won) in drills)
        {
            (string, string) j = ("jaga_job", job);
            if (last is not null) ok.Add(last.Outcome == DrillOutcome.Succeeded ? 1 : 0, j);
            if (won is null) continue;
            success.Add(won.EndedAt.ToUnixTimeMilliseconds() / 1000.0, j);
            if (won.RecoveryTime is { } t) recovery.Add(t.TotalSeconds, j);
            if (won.DataLossWindow is { } d) loss.Add(d.TotalSeconds, j);
        }
    }
}
