using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;
using Jaga.Engine.Scheduling;

namespace Jaga.Cli.Commands;

/// <summary>What <c>jaga status</c> reports, read once from the state store: every job with its last run, last success and
/// next due; what is failing; the checks down; the nodes, heartbeats, drills, open incidents and runbooks waiting. The
/// command prints it, and the dashboard's overview and <c>/api/status</c> show the same report.</summary>
internal sealed record StatusReport(
    IReadOnlyList<StatusReport.Row> Rows,
    IReadOnlyList<NodeInfo> Nodes,
    IReadOnlyList<string> CheckNames,
    IReadOnlyList<string> ChecksDown,
    IReadOnlyDictionary<string, Core.Monitoring.CheckState> CheckStates,
    IReadOnlyList<(HeartbeatCheck Check, Ping? Last)> Heartbeats,
    StatusDrills Drills,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<RunbookRun> Waiting,
    DateTimeOffset Now,
    TimeSpan Lease)
{
    private static readonly RunOutcome[] FailingOutcomes = [RunOutcome.Failed, RunOutcome.TimedOut, RunOutcome.Lost, RunOutcome.Interrupted];

    /// <summary>One scheduled job: its last run and success (null before its first run) and when it is next due.</summary>
    public sealed record Row(ScheduledJob Job, JobSummary? Summary, DateTimeOffset? Next)
    {
        public bool Failing => Summary is { } s && FailingOutcomes.Contains(s.Last.Outcome);
    }

    public IEnumerable<Row> Failing => Rows.Where(r => r.Failing);

    public bool Healthy => !Failing.Any() && ChecksDown.Count == 0 && !Drills.Failing.Any();

    public static async Task<StatusReport> LoadAsync(LoadedPlan plan, IStateStore store, IReadOnlyList<ScheduledJob> jobs, DateTimeOffset now, CancellationToken ct)
    {
        var summaries = (await store.Runs.SummariesAsync(ct)).ToDictionary(s => s.Job, StringComparer.Ordinal);
        var nodes = await store.Nodes.NodesAsync(ct);
        var zone = plan.Plan.Timezone;
        var rows = jobs.Select(j =>
        {
            summaries.TryGetValue(j.Id, out var s);
            var next = Core.Scheduling.Due.Decide(j.Schedule, zone, s?.Last.Occurrence, now, Core.Scheduling.CatchUp.Once, TimeSpan.MaxValue) is { Run: not null } ? now : j.Schedule.Next(now, zone);
            return new Row(j, s, next);
        }).ToList();
        var pings = await store.Pings.LatestAsync(ct);
        var heartbeats = plan.Plan.Monitoring.Checks.OfType<HeartbeatCheck>().Select(c => (c, pings.GetValueOrDefault(c.Name))).ToList();
        var checkStates = (await store.Checks.StatesAsync(ct)).ToDictionary(c => c.Check, StringComparer.Ordinal);
        var hosts = plan.Plan.Monitoring.Host is null ? [] : checkStates.Keys.Where(k => k.StartsWith(Engine.Monitoring.HostWatch.CheckName + ":", StringComparison.Ordinal)).ToList();
        var checkNames = plan.Plan.Monitoring.Checks.Select(c => c.Name).Concat(hosts).ToList();
        var checksDown = checkNames.Where(n => checkStates.TryGetValue(n, out var c) && c.Status == Core.Monitoring.CheckStatus.Down).ToList();
        var drills = await StatusDrills.LoadAsync(plan, store.Drills, now, ct);
        var incidents = await Emergency.IncidentStatus.OpenAsync(store, ct);
        var waiting = await Emergency.IncidentStatus.WaitingAsync(store, ct);
        return new StatusReport(rows, nodes, checkNames, checksDown, checkStates, heartbeats, drills, incidents, waiting, now, plan.Plan.Scheduler.Lease);
    }

    /// <summary>running (beat within a lease), stopped (clean shutdown), or silent (gone without stopping: killed or cut off).</summary>
    public string NodeState(NodeInfo n) =>
        n.StoppedAt is not null ? "stopped" : Now - n.LastSeen <= Lease ? "running" : "silent";

    /// <summary>What <c>jaga status --json</c> prints and <c>/api/status</c> answers.</summary>
    public JsonObject Json() => new()
    {
        ["jobs"] = new JsonArray([.. Rows.Select(r => (JsonNode)new JsonObject
        {
            ["job"] = r.Job.Id.Text,
            ["kind"] = Core.Plan.Schema.EnumWord.Of(r.Job.Kind),
            ["schedule"] = r.Job.Schedule.Text,
            ["last_run"] = r.Summary?.Last.Occurrence.ToString("O", CultureInfo.InvariantCulture),
            ["result"] = r.Summary is { } s ? s.Last.Outcome.ToText() : null,
            ["node"] = r.Summary?.Last.Node,
            ["detail"] = r.Summary?.Last.Detail,
            ["last_success"] = r.Summary?.LastSuccess?.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["next_due"] = r.Next?.ToString("O", CultureInfo.InvariantCulture),
            ["failing"] = r.Failing,
        })]),
        ["nodes"] = new JsonArray([.. Nodes.Select(n => (JsonNode)new JsonObject
        {
            ["id"] = n.Id,
            ["host"] = n.Host,
            ["pid"] = n.Pid,
            ["version"] = n.Version,
            ["started"] = n.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            ["last_seen"] = n.LastSeen.ToString("O", CultureInfo.InvariantCulture),
            ["state"] = NodeState(n),
            ["plan_sha256"] = n.PlanSha256,
        })]),
        ["checks"] = new JsonObject
        {
            ["total"] = CheckNames.Count,
            ["down"] = new JsonArray([.. ChecksDown.Select(n => (JsonNode)n)]),
        },
        ["incidents"] = Emergency.IncidentStatus.Json(Incidents),
        ["runbooks_waiting"] = Emergency.IncidentStatus.Json(Waiting),
        ["heartbeats"] = new JsonArray([.. Heartbeats.Select(h => (JsonNode)new JsonObject
        {
            ["check"] = h.Check.Name,
            ["last_ping"] = h.Last?.At.ToString("O", CultureInfo.InvariantCulture),
            ["kind"] = h.Last is { } p ? p.Kind.ToText() : null,
        })]),
        ["drills"] = Drills.Json(),
    };
}
