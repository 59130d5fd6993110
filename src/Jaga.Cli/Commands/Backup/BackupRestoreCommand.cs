using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Jaga.Engine.Backup;
using Jaga.Engine.Emergency.Runbooks;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup restore ID --into URL|PATH</c>: shows what would be overwritten, asks, then restores.</summary>
internal static class BackupRestoreCommand
{
    public static Command Create(CommandBuilder b)
    {
        var restore = b.Command("restore",
            "Restore a backup into a database URL (PostgreSQL backups), a file (SQLite) or a folder (files). Shows what will be overwritten and asks; a target that is not empty needs --force.",
            "jaga backup restore 3f9a12bc --into postgres://app@127.0.0.1/app_restored --yes");
        var id = new Argument<string>("ID") { Description = "The backup's id (or a unique prefix), or 'latest' with --job" };
        var into = new Option<string>("--into") { Description = "Where to restore: a postgres:// URL, a SQLite file path, or a folder", Required = true };
        var job = new Option<string?>("--job") { Description = "With ID 'latest': the job whose newest backup to restore" };
        var force = new Option<bool>("--force") { Description = "Restore even though the target is not empty (its contents are overwritten)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation (for scripts)" };
        var identity = new Option<string?>("--identity", "-i") { Description = "age identity file to decrypt with (default: encrypt.identity of the job, or $JAGA_AGE_IDENTITY)" };
        restore.Arguments.Add(id);
        restore.Options.Add(into);
        restore.Options.Add(job);
        restore.Options.Add(force);
        restore.Options.Add(yes);
        restore.Options.Add(identity);
        b.Action(restore, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, parse.GetValue(identity), ct);
            var given = parse.GetValue(id)!;
            var record = given == "latest"
                ? await session.LatestAsync(parse.GetValue(job) is { } j ? session.Job(j).Name : null, ct)
                : await session.FindAsync(given, ct);
            var restorer = new BackupRestorer(session.Services);
            Fits(record, parse.GetValue(into)!);
            var target = restorer.Target(record, parse.GetValue(into)!, replace: parse.GetValue(force));
            TargetState state;
            try
            {
                state = await target.InspectAsync(ct);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
            {
                // The target's database, file or folder, not Jaga's state store: say so.
                throw new UserError($"--into: {target.Description} cannot be read: {e.Message}", inner: e);
            }

            var err = ctx.JsonOutput ? ctx.Output.Error : (Action<string>)ctx.Output.Line;
            err($"Restore {record.Artifact} ({BackupListCommand.Size(record.Size)}, {record.Job}, taken {session.Time(record.StartedAt)}) into {target.Description}");
            if (!state.IsEmpty)
            {
                err("The target is not empty; this will be overwritten:");
                foreach (var item in state.Contents) err($"  {item}");
                if (!parse.GetValue(force)) throw new UserError("the target is not empty; add --force to overwrite it, or restore into an empty target");
            }
            if (!parse.GetValue(yes) && !Confirm.Ask(ctx, "Restore now?"))
                throw new UserError(Confirm.CanAsk(ctx) ? "not restored" : "add --yes to restore without a question (no terminal to ask on)");

            var outcome = await session.WithProgressAsync($"restore {record.Artifact}", record.Size, o => restorer.RestoreAsync(record, target, o, ct));
            if (ctx.JsonOutput)
                ctx.Output.Write(new JsonObject { ["id"] = record.Id, ["artifact"] = record.Artifact, ["ok"] = outcome.Ok, ["from"] = outcome.From, ["seconds"] = outcome.Duration.TotalSeconds, ["message"] = outcome.Line });
            else
                ctx.Output.Line(outcome.Line);
            return outcome.Ok ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return restore;
    }

    /// <summary>Refuses a target of the wrong kind before anything is touched: a files backup goes into a folder, a SQLite
    /// backup into a file, a database dump into a database URL.</summary>
    private static void Fits(BackupRecord record, string into)
    {
        var wrong = RestoreChoice.Misfit(record, into) switch
        {
            SourceKind.Files => "a files backup restores into a folder",
            SourceKind.Sqlite => "a SQLite backup restores into a database file",
            SourceKind.Postgres or SourceKind.Mysql => $"a {record.SourceKind} backup restores into a database URL",
            null => null,
        };
        if (wrong is not null)
            throw new UserError($"--into: {wrong}, not {into} (backup {record.Artifact} of job '{record.Job}')", "give a target of that kind, or the id of another backup");
    }
}
