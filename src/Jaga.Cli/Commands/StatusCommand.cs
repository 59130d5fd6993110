using System.Globalization;
using Jaga.Cli.Composition;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga status</c>: every scheduled job with its last run and result, who ran it, its last success and when it
/// is next due; what is failing; the nodes; the heartbeats. Read from the state store (<see cref="StatusReport"/>), so it
/// works beside a running daemon (and on any node of a PostgreSQL-backed cluster). Exit code 1 when something is failing.</summary>
internal static class StatusCommand
{
    public static System.CommandLine.Command Create(CommandBuilder b)
    {
        var status = b.Command("status", "Show every job: last run and result, the node that ran it, last success, next due; what is failing; the nodes.", "jaga status --plan examples/tokoku/jaga.yaml");
        b.Action(status, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var journal = new Engine.Journal.MaintenanceJournal(store, plan, ctx.Clock, CliContext.Actor) { Waits = ctx.RealTime, Messages = ctx.Messages(plan) };
            await using var services = CompositionRoot.Compose(plan, store, journal, ctx.Clock, ctx.RealTime, RunMode.Command);
            var now = ctx.Clock.GetUtcNow();
            var report = await StatusReport.LoadAsync(plan, store, services.Jobs(), now, ct);
            var zone = plan.Plan.Timezone;
            string Local(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(report.Json());
                return report.Healthy ? ExitCodes.Ok : ExitCodes.Failed;
            }

            var words = ctx.Messages(plan);
            ctx.Output.Table(words.Columns("cli.status.columns"), report.Rows.Select(r => new[]
            {
                r.Job.Id, r.Job.Schedule.Text, Local(r.Summary?.Last.Occurrence),
                r.Summary is { } s ? words.Word("run", s.Last.Outcome) : words["cli.status.never"], r.Summary?.Last.Node ?? "-",
                Local(r.Summary?.LastSuccess?.FinishedAt), r.Next == now ? words["cli.status.now"] : Local(r.Next),
            }));
            ctx.Output.Line();
            if (report.Healthy) ctx.Output.Line(words["cli.status.ok"]);
            else foreach (var f in report.Failing) ctx.Output.Line(words.Format("cli.status.failing", f.Job.Id, words.Word("run", f.Summary!.Last.Outcome), f.Summary.Last.Detail));
            foreach (var n in report.ChecksDown) ctx.Output.Line(words.Format("cli.status.down", n, report.CheckStates[n].Reason));
            foreach (var d in report.Drills.Failing) ctx.Output.Line(words.Format("cli.status.drill.failed", d.Job, d.Last.Detail));
            if (report.CheckNames.Count > 0)
                ctx.Output.Line(words.Format("cli.status.checks", report.CheckNames.Count - report.ChecksDown.Count, report.CheckNames.Count));
            Emergency.IncidentStatus.Write(ctx.Output, report.Incidents, words, zone);
            Emergency.IncidentStatus.Write(ctx.Output, report.Waiting, words);
            if (report.Nodes.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.nodes"), report.Nodes.Select(n => new[]
                {
                    n.Id, n.Version, Local(n.StartedAt), Local(n.LastSeen), words[$"word.node.{report.NodeState(n)}"],
                }));
            }
            if (report.Heartbeats.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.heartbeats"), report.Heartbeats.Select(h => new[]
                {
                    h.Check.Name, Local(h.Last?.At), h.Last is { } p ? words.Word("ping", p.Kind) + (p.ExitCode is { } c ? $" {c}" : "") : words["cli.status.no.ping"],
                }));
            }
            if (report.Drills.Rows.Count > 0)
            {
                ctx.Output.Line();
                ctx.Output.Table(words.Columns("cli.status.drills"), report.Drills.Table(words, Local));
            }
            return report.Healthy ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return status;
    }
}
