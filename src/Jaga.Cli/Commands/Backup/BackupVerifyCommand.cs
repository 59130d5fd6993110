using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup verify [ID|--latest] [--restore]</c>.</summary>
internal static class BackupVerifyCommand
{
    public static Command Create(CommandBuilder b)
    {
        var verify = b.Command("verify",
            "Re-read a backup from every destination: check its SHA-256, decrypt and decompress it fully. With --restore, also restore it into a scratch database (or file) and compare per-table row counts with the manifest. Exit 1 when anything is wrong.",
            "jaga backup verify --latest --job db --restore");
        var id = new Argument<string?>("ID") { Description = "The backup's id (or a unique prefix) from 'jaga backup list'", Arity = ArgumentArity.ZeroOrOne };
        var latest = new Option<bool>("--latest") { Description = "The newest completed backup (of --job, or of every job)" };
        var job = new Option<string?>("--job") { Description = "With --latest: this job's newest backup" };
        var restore = new Option<bool>("--restore") { Description = "Also restore into a scratch target (PostgreSQL: a temporary database on verify.restore_into)" };
        var identity = new Option<string?>("--identity", "-i") { Description = "age identity file to decrypt with (default: encrypt.identity of the job, or $JAGA_AGE_IDENTITY)" };
        verify.Arguments.Add(id);
        verify.Options.Add(latest);
        verify.Options.Add(job);
        verify.Options.Add(restore);
        verify.Options.Add(identity);
        b.Action(verify, async (parse, ctx, ct) =>
        {
            var given = parse.GetValue(id);
            if (given is null == !parse.GetValue(latest)) throw new UserError("name one backup ID, or pass --latest (with --job for one job)");
            await using var session = await BackupSession.OpenAsync(ctx, parse.GetValue(identity), ct);
            var records = new List<BackupRecord>();
            if (given is not null) records.Add(await session.FindAsync(given, ct));
            else if (parse.GetValue(job) is { } name) records.Add(await session.LatestAsync(session.Job(name).Name, ct));
            else
                foreach (var j in session.Plan.Plan.Backup)
                    if ((await session.Catalog.ListAsync(j.Name, ct)).Any(r => r.Manifest is not null)) records.Add(await session.LatestAsync(j.Name, ct));
            if (records.Count == 0) throw new UserError("there is no completed backup to verify yet");

            var outcomes = new List<VerifyOutcome>();
            foreach (var r in records)
            {
                var outcome = await session.WithProgressAsync($"verify {r.Artifact}", null, o => VerifyByHand.RunAsync(session.Services, r, parse.GetValue(restore), o, ct));
                outcomes.Add(outcome);
                if (!ctx.JsonOutput) ctx.Output.Line(outcome.Line);
            }
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonArray(outcomes.Select(o => (JsonNode)new JsonObject
                {
                    ["id"] = o.Record.Id,
                    ["artifact"] = o.Record.Artifact,
                    ["ok"] = o.Ok,
                    ["summary"] = o.Summary,
                    ["restore_seconds"] = o.RestoreDuration?.TotalSeconds,
                    ["copies"] = new JsonArray(o.Record.Copies.Select(c => (JsonNode)new JsonObject
                    {
                        ["destination"] = c.Destination,
                        ["state"] = c.State.ToString().ToLowerInvariant(),
                        ["detail"] = c.Detail,
                    }).ToArray()),
                }).ToArray()));
            }
            return outcomes.All(o => o.Ok) ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return verify;
    }
}
