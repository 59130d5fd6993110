using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Retention;
using Jaga.Engine.Backup;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup prune [JOB] [--dry-run] [--yes]</c>: applies each job's keep policy at each of its destinations.</summary>
internal static class BackupPruneCommand
{
    public static Command Create(CommandBuilder b)
    {
        var prune = b.Command("prune",
            "Apply the jobs' keep policies (restic's rules) at each destination: --dry-run shows what is kept and removed and why; removing needs --yes. Never removes the newest verified backup, nor anything while the latest backup is failing.",
            "jaga backup prune db --dry-run");
        var job = new Argument<string?>("JOB") { Description = "Only this job", Arity = ArgumentArity.ZeroOrOne };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Show the decisions, delete nothing" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Delete without asking" };
        prune.Arguments.Add(job);
        prune.Options.Add(dryRun);
        prune.Options.Add(yes);
        b.Action(prune, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, null, ct);
            var name = parse.GetValue(job);
            var jobs = (name is null ? session.Plan.Plan.Backup : [session.Job(name)]).Where(j => j.Keep is not null).ToList();
            if (jobs.Count == 0) throw new UserError(name is null ? "no backup job has a 'keep' policy" : $"job '{name}' has no 'keep' policy; add one, e.g. keep: {{ last: 3, daily: 7 }}");
            var retention = new RetentionRun(session.Services);
            var plans = new List<(BackupJob Job, string Destination, IReadOnlyList<RetentionDecision> Decisions, string? Hold)>();
            foreach (var j in jobs)
                foreach (var d in j.To)
                {
                    var (decisions, hold) = await retention.PlanAsync(j, d, ct);
                    plans.Add((j, d, decisions, hold));
                }

            Show(session, plans);
            var removals = plans.Where(p => p.Hold is null).Sum(p => p.Decisions.Count(d => !d.Keep));
            if (parse.GetValue(dryRun) || removals == 0)
            {
                if (!ctx.JsonOutput) ctx.Output.Line(removals == 0 ? "nothing to remove" : $"dry run: {removals} backup cop(ies) would be removed; nothing was deleted");
                return ExitCodes.Ok;
            }
            if (!parse.GetValue(yes) && !Confirm.Ask(ctx, $"Remove {removals} backup cop(ies)?"))
                throw new UserError(Confirm.CanAsk(ctx) ? "nothing removed" : "add --yes to remove them (or --dry-run to only look)");
            var failed = 0;
            foreach (var (j, d, _, hold) in plans.Where(p => p.Hold is null && p.Decisions.Any(x => !x.Keep)))
                failed += (await retention.ApplyAsync(j, d, ct)).Failed;
            if (failed > 0) ctx.Output.Error($"jaga: {failed} of {removals} backup cop(ies) could not be removed; the log says why");
            if (!ctx.JsonOutput) ctx.Output.Line($"{removals - failed} backup cop(ies) removed");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return prune;
    }

    private static void Show(BackupSession session, List<(BackupJob Job, string Destination, IReadOnlyList<RetentionDecision> Decisions, string? Hold)> plans)
    {
        var ctx = session.Context;
        if (ctx.JsonOutput)
        {
            ctx.Output.Write(new JsonArray(plans.Select(p => (JsonNode)new JsonObject
            {
                ["job"] = p.Job.Name,
                ["destination"] = p.Destination,
                ["held"] = p.Hold,
                ["decisions"] = new JsonArray(p.Decisions.Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Backup.Id,
                    ["time"] = d.Backup.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["action"] = d.Keep || p.Hold is not null ? "keep" : "remove",
                    ["reasons"] = new JsonArray(d.Reasons.Select(r => (JsonNode)r!).ToArray()),
                }).ToArray()),
            }).ToArray()));
            return;
        }
        foreach (var p in plans.Where(p => p.Hold is not null)) ctx.Output.Line($"{p.Job.Name} at {p.Destination}: held — {p.Hold}");
        ctx.Output.Table(["JOB", "DESTINATION", "ID", "TIME", "ACTION", "WHY"], plans.SelectMany(p => p.Decisions.Select(d => new[]
        {
            p.Job.Name, p.Destination, d.Backup.Id, session.Time(d.Backup.Time),
            d.Keep ? "keep" : p.Hold is not null ? "keep (held)" : "remove",
            d.Keep ? string.Join(", ", d.Reasons) : $"no rule of keep {RetentionRun.Describe(p.Job.Keep!)} keeps it",
        })));
    }
}
