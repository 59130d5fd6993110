using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup run [JOB]</c>: runs one job, or every job of the plan, now.</summary>
internal static class BackupRunCommand
{
    public static Command Create(CommandBuilder b)
    {
        var run = b.Command("run", "Run a backup job now (every job when none is named). Exit 1 when one failed or finished only in part.", "jaga backup run db");
        var job = new Argument<string?>("JOB") { Description = "The job's name in the plan", Arity = ArgumentArity.ZeroOrOne };
        run.Arguments.Add(job);
        b.Action(run, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, null, ct);
            var name = parse.GetValue(job);
            var jobs = name is null ? session.Plan.Plan.Backup : [session.Job(name)];
            if (jobs.Count == 0) throw new UserError("the plan has no backup jobs; add one under 'backup:'");
            var results = new List<BackupRunResult>();
            var runner = new BackupRunner(session.Services);
            foreach (var j in jobs)
            {
                var result = await session.WithProgressAsync($"backup {j.Name}", null, o => runner.RunAsync(j, o, ct));
                results.Add(result);
                if (!ctx.JsonOutput) ctx.Output.Line(result.Summary);
            }
            if (ctx.JsonOutput) ctx.Output.Write(new JsonArray(results.Select(r => (JsonNode)Json(r)).ToArray()));
            return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return run;
    }

    private static JsonObject Json(BackupRunResult r) => new()
    {
        ["job"] = r.Job,
        ["status"] = r.Busy ? "busy" : r.Status!.Value.ToString().ToLowerInvariant(),
        ["id"] = r.Record?.Id,
        ["artifact"] = r.Record?.Artifact,
        ["size"] = r.Record?.Size,
        ["sha256"] = r.Record?.Sha256,
        ["destinations"] = new JsonArray((r.Record?.Copies ?? []).Where(c => c.State == CopyState.Stored).Select(c => (JsonNode)c.Destination!).ToArray()),
        ["message"] = r.Summary,
    };
}
