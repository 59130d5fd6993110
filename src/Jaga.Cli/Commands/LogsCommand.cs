using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.LogRetention;
using Jaga.Engine.Logs;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga logs prune</c>: one log retention pass over every rule of <c>monitoring.logs</c> and, when
/// <c>log.rotate</c> is set, the maintenance log. <c>--dry-run</c> shows every action with its reason and changes nothing.
/// Exit code 1 when an action or a post_rotate command failed.</summary>
internal static class LogsCommand
{
    public static Command Create(CommandBuilder b)
    {
        var logs = b.Command("logs", "Log retention: rotate, compress and prune log files as the plan's rules say.", "jaga logs prune --dry-run");
        var prune = b.Command("prune", "Run one log retention pass: rotate by size or age, compress, delete what count, keep and total_size no longer keep.", "jaga logs prune --dry-run");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show every action and its reason; change nothing" };
        prune.Options.Add(dryRun);
        logs.Subcommands.Add(prune);
        b.Action(prune, async (parse, ctx, ct) =>
        {
            var dry = parse.GetValue(dryRun);
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _s = store;
            var pass = new LogRetentionPass(journal, ctx.Clock, plan.Directory);
            var reports = new List<LogPassReport>();
            foreach (var target in LogTargets.For(plan, journal)) reports.Add(await pass.RunAsync(target, dry, ct));
            var failed = reports.Sum(r => r.Failed);
            string Show(string p)
            {
                var relative = Path.GetRelativePath(plan.Directory, p);
                return relative.StartsWith("..", StringComparison.Ordinal) ? p : relative.Replace('\\', '/');
            }

            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["dry_run"] = dry,
                    ["rules"] = new JsonArray([.. reports.Select(r => (JsonNode)new JsonObject
                    {
                        ["rule"] = r.Target.Name,
                        ["missing"] = r.Missing,
                        ["post_rotate"] = r.PostRotate,
                        ["actions"] = new JsonArray([.. r.Actions.Select(a => (JsonNode)new JsonObject
                        {
                            ["action"] = a.Action.Kind.ToString().ToLowerInvariant(),
                            ["file"] = Show(a.Action.Path),
                            ["target"] = a.Action.Target is { } t ? Show(t) : null,
                            ["reason"] = a.Action.Reason,
                            ["size"] = a.Action.Size,
                            ["done"] = a.Done,
                            ["error"] = a.Error,
                        })]),
                    })]),
                    ["failed"] = failed,
                });
                return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }

            if (reports.Count == 0) ctx.Output.Line("No log retention rules: add monitoring.logs or log.rotate to the plan.");
            foreach (var r in reports)
            {
                ctx.Output.Line($"{r.Target.Name}:");
                if (r.Missing) ctx.Output.Line("  WARN no file matches (set missing_ok: true if that is expected)");
                foreach (var a in r.Actions)
                {
                    var verb = a.Action.Kind switch
                    {
                        LogActionKind.Rotate => dry ? "would rotate" : "rotated",
                        LogActionKind.Compress => dry ? "would compress" : "compressed",
                        LogActionKind.Delete => dry ? "would delete" : "deleted",
                        _ => "skip",
                    };
                    if (a.Error is not null) verb = "FAILED " + a.Action.Kind.ToString().ToLowerInvariant();
                    var target = a.Action.Target is { } t ? $" -> {Show(t)}" : "";
                    ctx.Output.Line($"  {verb} {Show(a.Action.Path)}{target}: {a.Action.Reason}{(a.Error is { } e ? $" ({e})" : "")}");
                }
                if (r.PostRotate is not null) ctx.Output.Line($"  post_rotate: {r.PostRotate}");
            }
            if (dry) ctx.Output.Line("Dry run: nothing was changed.");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return logs;
    }
}
