using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Cli.Commands.Backup;
using Jaga.Engine.Emergency.Drills;

namespace Jaga.Cli.Commands.Emergency;

/// <summary><c>jaga drill restore JOB</c>: rehearse a restore. The job's latest backup is restored into a scratch target,
/// checked, and the recovery time and data-loss window are recorded for <c>jaga status</c> and <c>/metrics</c>.</summary>
internal static class DrillCommand
{
    public static Command Create(CommandBuilder b)
    {
        var drill = b.Command("drill", "Rehearse the emergency procedures: restore drills, with the recovery time and data-loss window they measured.", "jaga drill restore db");
        drill.Subcommands.Add(Restore(b));
        return drill;
    }

    private static Command Restore(CommandBuilder b)
    {
        var restore = b.Command("restore",
            "Restore the job's latest backup into a scratch target (PostgreSQL: a temporary database on verify.restore_into; SQLite: a temporary file; files: a temporary folder), compare row counts with the manifest, run --test against it, then remove it. Records the recovery time (start to verified) and the data-loss window (the age of the data restored). Exit 1 when the drill fails.",
            "jaga drill restore db --test 'psql \"$JAGA_DRILL_TARGET\" -c \"select count(*) from orders\"'");
        var job = new Argument<string>("JOB") { Description = "The backup job whose latest completed backup is drilled" };
        var test = new Option<string?>("--test") { Description = "A shell command run against the restored copy once its row counts match; it finds it in $JAGA_DRILL_TARGET (a postgres:// URL, a file or a folder). Exit 0 passes." };
        var keep = new Option<bool>("--keep") { Description = "Leave the scratch target in place and print where it is (remove it yourself)" };
        var identity = new Option<string?>("--identity", "-i") { Description = "age identity file to decrypt with (default: encrypt.identity of the job, or $JAGA_AGE_IDENTITY)" };
        restore.Arguments.Add(job);
        restore.Options.Add(test);
        restore.Options.Add(keep);
        restore.Options.Add(identity);
        b.Action(restore, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, parse.GetValue(identity), ct);
            var backupJob = session.Job(parse.GetValue(job)!);
            var spec = new DrillSpec(backupJob.Name, parse.GetValue(test), backupJob.Timeout);
            var drill = new RestoreDrill(session.Services, session.Drills, ctx.RealTime);
            var run = await session.WithProgressAsync($"drill {backupJob.Name}", null, o => drill.RunAsync(spec, parse.GetValue(keep), o, ct));
            var words = ctx.Messages(session.Plan);
            if (ctx.JsonOutput)
            {
                var r = run.Result;
                ctx.Output.Write(new JsonObject
                {
                    ["job"] = r.Job,
                    ["backup_id"] = r.BackupId,
                    ["artifact"] = run.Artifact,
                    ["outcome"] = r.Outcome.ToString().ToLowerInvariant(),
                    ["started"] = r.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["ended"] = r.EndedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["recovery_seconds"] = r.RecoveryTime?.TotalSeconds,
                    ["data_loss_seconds"] = r.DataLossWindow?.TotalSeconds,
                    ["detail"] = r.Detail is null ? null : ctx.Redact(r.Detail),
                    ["node"] = r.Node,
                    ["kept"] = run.Kept,
                });
            }
            else
            {
                ctx.Output.Line(run.Line);
                if (run.Kept is { } kept) ctx.Output.Line(words.Format("cli.drill.kept", kept));
            }
            return run.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return restore;
    }
}
