using Jaga.Core.Metrics;
using Jaga.Core.Monitoring;
using Jaga.Core.Ports;
using Jaga.Engine;
using Jaga.Engine.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Jaga.Cli.Daemon;

/// <summary><c>/metrics</c> in the Prometheus text format: per job its last run, last success, duration, result and next
/// run; per backup job its last size and its restore drills; per check its newest response time; per node its last beat and
/// this node's scheduling lag (a histogram); build info. Read from the state
/// store on each scrape, so every node reports every job, whoever ran it.</summary>
internal static class MetricsEndpoint
{
    /// <summary>Maps <c>/metrics</c>: open to anyone, or behind an API token when the plan says <c>dashboard.metrics: token</c>
    /// (read at start, as <c>listen:</c> is).</summary>
    public static void Map(IEndpointRouteBuilder app, DaemonState state)
    {
        var metrics = app.MapGet("/metrics", async (HttpContext http, CancellationToken ct) =>
        {
            var text = await CollectAsync(state, ct);
            http.Response.ContentType = PrometheusText.ContentType;
            await http.Response.WriteAsync(text.ToString(), ct);
        });
        if (state.Plan.Plan.Dashboard.MetricsNeedToken) metrics.RequireAuthorization(Dashboard.DashboardPolicies.Viewer);
        else metrics.AllowAnonymous();
    }

    public static async Task<PrometheusText> CollectAsync(DaemonState state, CancellationToken ct)
    {
        var m = new PrometheusText();
        m.Declare("jaga_build_info", "Version of the jaga binary serving these metrics.", MetricType.Gauge).Add(1, ("version", JagaVersion.Current));
        var jobs = state.Scheduler.Jobs;
        var up = m.Declare("jaga_state_store_up", "1 when the state store answered this scrape.", MetricType.Gauge);
        IReadOnlyList<JobSummary> summaries = [];
        IReadOnlyList<NodeInfo> nodes = [];
        IReadOnlyList<BackupRecord> backups = [];
        IReadOnlyDictionary<string, IReadOnlyList<CheckResult>> checks = new Dictionary<string, IReadOnlyList<CheckResult>>();
        var drills = new List<(string Job, DrillResult? Last, DrillResult? Success)>();
        try
        {
            summaries = await state.Store.Runs.SummariesAsync(ct);
            nodes = await state.Store.Nodes.NodesAsync(ct);
            backups = await state.Store.Backups.ListAsync(null, ct);
            var names = state.Plan.Plan.Monitoring.Checks.Select(c => c.Name).ToList();
            if (names.Count > 0) checks = await state.Store.Checks.RecentManyAsync(names, state.Clock.GetUtcNow() - LatestWindow, 1, ct);
            foreach (var job in state.Plan.Plan.Backup)
                drills.Add((job.Name, await state.Store.Drills.LastAsync(job.Name, ct), await state.Store.Drills.LastSuccessfulAsync(job.Name, ct)));
            up.Add(1);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            up.Add(0);
        }
        m.Declare("jaga_plan_reload_ok", "0 when the plan file on disk is invalid and the previous plan keeps running.", MetricType.Gauge)
            .Add(state.ReloadProblem is null ? 1 : 0);

        var lastRun = m.Declare("jaga_job_last_run_timestamp_seconds", "When the job's newest run was due (its occurrence).", MetricType.Gauge);
        var lastEnd = m.Declare("jaga_job_last_finish_timestamp_seconds", "When the job's newest run ended.", MetricType.Gauge);
        var lastSuccess = m.Declare("jaga_job_last_success_timestamp_seconds", "When the job's newest successful run ended.", MetricType.Gauge);
        var duration = m.Declare("jaga_job_last_duration_seconds", "How long the job's newest finished run took.", MetricType.Gauge);
        var result = m.Declare("jaga_job_last_result", "1 for the outcome of the job's newest run (succeeded, failed, timedout, interrupted, lost, skipped, running).", MetricType.Gauge);
        var ok = m.Declare("jaga_job_last_run_ok", "1 when the job's newest run succeeded (or is running after a success), 0 otherwise.", MetricType.Gauge);
        var next = m.Declare("jaga_job_next_run_timestamp_seconds", "When the job is next due.", MetricType.Gauge);
        var now = state.Clock.GetUtcNow();
        foreach (var job in jobs)
        {
            (string, string) j = ("jaga_job", job.Id), k = ("kind", Core.Plan.Schema.EnumWord.Of(job.Kind));
            if (job.Schedule.Next(now, state.Plan.Plan.Timezone) is { } due) next.Add(Seconds(due), j, k);
            if (summaries.FirstOrDefault(s => s.Job == job.Id) is not { } s) continue;
            lastRun.Add(Seconds(s.Last.Occurrence), j, k);
            if (s.Last.FinishedAt is { } end)
            {
                lastEnd.Add(Seconds(end), j, k);
                duration.Add((end - s.Last.ClaimedAt).TotalSeconds, j, k);
            }
            if (s.LastSuccess?.FinishedAt is { } won) lastSuccess.Add(Seconds(won), j, k);
            result.Add(1, j, k, ("result", s.Last.Outcome.ToString().ToLowerInvariant()));
            var good = s.Last.Outcome == RunOutcome.Succeeded || (s.Last.Outcome == RunOutcome.Running && s.LastSuccess is not null);
            ok.Add(good ? 1 : 0, j, k);
        }

        var size = m.Declare("jaga_backup_last_size_bytes", "Size of the job's newest complete backup artifact.", MetricType.Gauge);
        var when = m.Declare("jaga_backup_last_complete_timestamp_seconds", "When the job's newest complete backup finished.", MetricType.Gauge);
        foreach (var job in state.Plan.Plan.Backup)
            if (backups.FirstOrDefault(b => b.Job == job.Name && b.Status == BackupStatus.Complete) is { } newest)
            {
                size.Add(newest.Size, ("jaga_job", job.Name));
                if (newest.FinishedAt is { } f) when.Add(Seconds(f), ("jaga_job", job.Name));
            }

        DrillMetrics.Add(m, drills);

        var latency = m.Declare("jaga_check_response_time_seconds", "The response time of the check's newest result in the last 24 hours (whichever node ran it).", MetricType.Gauge);
        foreach (var (check, latest) in checks)
            if (latest.Count > 0) latency.Add(latest[0].Duration.TotalSeconds, ("check", check));

        var seen = m.Declare("jaga_node_last_seen_timestamp_seconds", "Each node's last beat in the state store.", MetricType.Gauge);
        foreach (var n in nodes.Where(n => n.StoppedAt is null)) seen.Add(Seconds(n.LastSeen), ("node", n.Id));
        var lag = state.Scheduler.Stats.Lag();
        (string, string) node = ("node", state.Scheduler.Node);
        m.Declare("jaga_scheduler_lag_seconds", "How late this node's on-time runs started after their occurrence.", MetricType.Histogram)
            .AddHistogram(SchedulerStats.Buckets, lag.Cumulative, lag.Count, lag.Sum, node);
        m.Declare("jaga_scheduler_lag_last_seconds", "How late this node's most recent on-time run started after its occurrence.", MetricType.Gauge).Add(lag.Last, node);
        m.Declare("jaga_scheduler_lag_max_seconds", "The largest start lag of this node since it started.", MetricType.Gauge).Add(lag.Max, node);
        m.Declare("jaga_scheduler_runs_total", "On-time runs this node started.", MetricType.Counter).Add(lag.Count, node);
        m.Declare("jaga_scheduler_passes_total", "Times this node's scheduler looked for due jobs.", MetricType.Counter).Add(state.Scheduler.Stats.Passes, node);
        m.Declare("jaga_scheduler_running", "Jobs running on this node now.", MetricType.Gauge).Add(state.Scheduler.Running.Count, node);
        return m;
    }

    /// <summary>How far back a check's newest result is looked for: raw results are kept at least this long.</summary>
    private static readonly TimeSpan LatestWindow = TimeSpan.FromHours(24);

    private static double Seconds(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;
}
