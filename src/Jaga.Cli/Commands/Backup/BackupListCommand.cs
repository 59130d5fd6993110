using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Core.Ports;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup list [JOB]</c>: the catalog, newest first.</summary>
internal static class BackupListCommand
{
    public static Command Create(CommandBuilder b)
    {
        var list = b.Command("list", "List backups, newest first: id, job, time, size, destinations, verified, status.", "jaga backup list db --json");
        var job = new Argument<string?>("JOB") { Description = "Only this job's backups", Arity = ArgumentArity.ZeroOrOne };
        list.Arguments.Add(job);
        b.Action(list, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, null, ct);
            var name = parse.GetValue(job);
            if (name is not null) session.Job(name);
            var records = await session.Catalog.ListAsync(name, ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonArray(records.Select(r => (JsonNode)Json(r)).ToArray()));
                return ExitCodes.Ok;
            }
            var words = ctx.Messages(ctx.Loaded);
            if (records.Count == 0)
            {
                ctx.Output.Line(name is null ? words["cli.backups.none"] : words.Format("cli.backups.none.job", name));
                return ExitCodes.Ok;
            }
            ctx.Output.Table(words.Columns("cli.backups.columns"), records.Select(r => new[]
            {
                r.Id, r.Job, session.Time(r.StartedAt), r.Sha256 is null ? "-" : Size(r.Size), Destinations(r, words),
                r.VerifiedAt is { } v && r.VerifyResult == "ok" ? session.Time(v) : r.VerifyResult is null ? words["cli.backups.unverified"] : words["cli.backups.verify.failed"],
                words.Word("backup", r.Status), r.Artifact,
            }));
            return ExitCodes.Ok;
        });
        return list;
    }

    internal static string Size(long bytes) => Core.Plan.Values.ByteSize.Binary(bytes);

    private static string Destinations(BackupRecord r, Core.Messages.Catalog words) =>
        r.Copies.Count == 0 ? "-" : string.Join(", ", r.Copies.Select(c => c.State == CopyState.Stored ? c.Destination : $"{c.Destination} ({words.Word("copy", c.State)})"));

    private static JsonObject Json(BackupRecord r) => new()
    {
        ["id"] = r.Id,
        ["job"] = r.Job,
        ["artifact"] = r.Artifact,
        ["source"] = r.SourceKind,
        ["status"] = r.Status.ToString().ToLowerInvariant(),
        ["started"] = r.StartedAt.ToString("O", CultureInfo.InvariantCulture),
        ["finished"] = r.FinishedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["size"] = r.Sha256 is null ? null : r.Size,
        ["sha256"] = r.Sha256,
        ["verified"] = r.VerifiedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["verify_result"] = r.VerifyResult,
        ["detail"] = r.Detail,
        ["copies"] = new JsonArray(r.Copies.Select(c => (JsonNode)new JsonObject
        {
            ["destination"] = c.Destination,
            ["state"] = c.State.ToString().ToLowerInvariant(),
            ["detail"] = c.Detail,
            ["verified"] = c.VerifiedAt?.ToString("O", CultureInfo.InvariantCulture),
        }).ToArray()),
    };
}
