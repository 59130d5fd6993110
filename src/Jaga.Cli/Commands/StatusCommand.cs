using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Core.Storage;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga status</c>: every scheduled job with its last run and result, who ran it, its last success and when it
/// is next due; what is failing; the nodes; the heartbeats. Read from the state store, so it works beside a running daemon
/// (and on any node of a PostgreSQL-backed cluster). Exit code 1 when something is failing.</summary>
internal static class StatusCommand
{
    private static readonly RunOutcome[] Failing = [RunOutcome.Failed, RunOutcome.TimedOut, RunOutcome.Lost, RunOutcome.Interrupted];

    public static System.CommandLine.Command Create(CommandBuilder b)
    {
        var status = b.Command("status", "Show every job: last run and result, the node that ran it, last success, next due; what is failing; the nodes.", "jaga status --plan examples/tokoku/jaga.yaml");
        b.Action(status, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var journal = new Engine.Journal.MaintenanceJournal(store, plan, ctx.Clock, CliContext.Actor) { Waits = ctx.RealTime, Messages = ctx.Messages(plan) };
            await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Command);
            var jobs = services.Jobs();
            var summaries = (await store.Runs.SummariesAsync(ct)).ToDictionary(s => s.Job, StringComparer.Ordinal);
            var nodes = await store.Nodes.NodesAsync(ct);
            var now = ctx.Clock.GetUtcNow();
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

            var rows = jobs.Select(j =>
            {
                summaries.TryGetValue(j.Id, out var s);
                var next = Core.Scheduling.Due.Decide(j.Schedule, zone, s?.Last.Occurrence, now, Core.Scheduling.CatchUp.Once, TimeSpan.MaxValue) is { Run: not null } ? now : j.Schedule.Next(now, zone);
                return (Job: j, Summary: s, Next: next);
            }).ToList();
            var failing = rows.Where(r => r.Summary is { } s && Failing.Contains(s.Last.Outcome)).ToList();
            var heartbeats = new List<(HeartbeatCheck Check, Ping? Last)>();
            foreach (var c in plan.Plan.Monitoring.Checks.OfType<HeartbeatCheck>())
                heartbeats.Add((c, (await store.Pings.PingsAsync(c.Name, 1, ct)) is [var first, ..] ? first : null));
            var alive = plan.Plan.Scheduler.Lease;
            var checkStates = (await store.Checks.StatesAsync(ct)).ToDictionary(c => c.Check, StringComparer.Ordinal);
            var hosts = plan.Plan.Monitoring.Host is null ? [] : checkStates.Keys.Where(k => k.StartsWith(Engine.Monitoring.HostWatch.CheckName + ":", StringComparison.Ordinal)).ToList();
            var checkNames = plan.Plan.Monitoring.Checks.Select(c => c.Name).Concat(hosts).ToList();
            var checksDown = checkNames.Where(n => checkStates.TryGetValue(n, out var c) && c.Status == Core.Monitoring.CheckStatus.Down).ToList();
            var drills = await StatusDrills.LoadAsync(plan, store.Drills, now, ct);
            var healthy = failing.Count == 0 && checksDown.Count == 0 && !drills.Failing.Any();
            var incidents = await Emergency.IncidentStatus.OpenAsync(store, ct);
            var waiting = await Emergency.IncidentStatus.WaitingAsync(store, ct);

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["jobs"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
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
                        ["failing"] = failing.Contains(r),
                    })]),
                    ["nodes"] = new JsonArray([.. nodes.Select(n => (JsonNode)new JsonObject
                    {
                        ["id"] = n.Id,
                        ["host"] = n.Host,
                        ["pid"] = n.Pid,
                        ["version"] = n.Version,
                        ["started"] = n.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                        ["last_seen"] = n.LastSeen.ToString("O", CultureInfo.InvariantCulture),
                        ["state"] = NodeState(n, now, alive),
                        ["plan_sha256"] = n.PlanSha256,
                    })]),
                    ["checks"] = new JsonObject
                    {
                        ["total"] = checkNames.Count,
                        ["down"] = new JsonArray([.. checksDown.Select(n => (JsonNode)n)]),
                    },
                    ["incidents"] = Emergency.IncidentStatus.Json(incidents),
                    ["runbooks_waiting"] = Emergency.IncidentStatus.Json(waiting),
                    ["heartbeats"] = new JsonArray([.. heartbeats.Select(h => (JsonNode)new JsonObject
                    {
                        ["check"] = h.Check.Name,
                        ["last_ping"] = h.Last?.At.ToString("O", CultureInfo.InvariantCulture),
                        ["kind"] = h.Last is { } p ? p.Kind.ToText() : null,
                    })]),
                    ["drills"] = drills.Json(),
                });
                return healthy ? ExitCodes.Ok : ExitCodes.Failed;
            }

            var words = ctx.Messages(plan);
            ctx.Output.Table(words.Columns("cli.status.columns"), rows.Select(r => new[]
            {
                r.Job.Id, r.Job.Schedule.Text, Local(r.Summary?.Last.Occurrence),
                r.Summary is { } s ? words.Word("run", s.Last.Outcome) : words["cli.status.never"], r.Summary?.Last.Node ?? "-",
                Local(r.Summary?.LastSuccess?.FinishedAt), r.Next == now ? words["cli.status.now"] : Local(r.Next),
            }));
            ctx.Output.Line();
            if (healthy) ctx.Output.Line(words["cli.status.ok"]);
            else foreach (var f in failing) ctx.Output.Line(words.Format("cli.status.failing", f.Job.Id, words.Word("run", f.Summary!.Last.Outcome), f.Summary.Last.Detail));
            foreach (var n in checksDown) ctx.Output.Line(words.Format("cli.status.down", n, checkStates[n].Reason));
            foreach (var d in drills.Failing) ctx.Output.Line(words.Format("cli.status.drill.failed", d.Job, d.Last.Detail));
            if (checkNames.Count > 0)
                ctx.Output.Line(words.Format("cli.status.checks", checkNames.Count - checksDown.Count, checkNames.Count));
            Emergency.IncidentStatus.Write(ctx.Output, incidents, words, zone);
            Emergency.IncidentStatus.Write(ctx.Output, waiting, words);
            if (nodes.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.nodes"), nodes.Select(n => new[]
                {
                    n.Id, n.Version, Local(n.StartedAt), Local(n.LastSeen), words[$"word.node.{NodeState(n, now, alive)}"],
                }));
            }
            if (heartbeats.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.heartbeats"), heartbeats.Select(h => new[]
                {
                    h.Check.Name, Local(h.Last?.At), h.Last is { } p ? words.Word("ping", p.Kind) + (p.ExitCode is { } c ? $" {c}" : "") : words["cli.status.no.ping"],
                }));
            }
            if (drills.Rows.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.drills"), drills.Table(words, Local));
            }
            return healthy ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return status;
    }

    /// <summary>running (beat within a lease), stopped (clean shutdown), or silent (gone without stopping: killed or cut off).</summary>
    private static string NodeState(NodeInfo n, DateTimeOffset now, TimeSpan lease) =>
        n.StoppedAt is not null ? "stopped" : now - n.LastSeen <= lease ? "running" : "silent";
}
