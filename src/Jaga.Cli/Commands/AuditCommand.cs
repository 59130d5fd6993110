using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jaga.Core.Journal.Events.Audit;
using Jaga.Core.Ledger;
using Jaga.Engine.Audit;
using Jaga.Engine.Files;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga audit verify|checkpoint|export</c>: the audit chain behind the maintenance log.</summary>
internal static class AuditCommand
{
    public static Command Create(CommandBuilder b)
    {
        var audit = b.Command("audit", "The tamper-evident audit chain behind the maintenance log.", "jaga audit verify --anchor /mnt/offsite/checkpoint.json");
        audit.Subcommands.Add(Verify(b));
        audit.Subcommands.Add(CheckpointCmd(b));
        audit.Subcommands.Add(Export(b));
        return audit;
    }

    private static Command Verify(CommandBuilder b)
    {
        var verify = b.Command("verify", "Prove the audit chain and the log file intact, or name the first bad entry. Exit 1 when tampering is found.", "jaga audit verify --anchor backups/checkpoint.json");
        var anchor = new Option<string?>("--anchor") { Description = "A checkpoint file kept elsewhere (from 'jaga audit checkpoint --out'): detects a truncated chain" };
        var key = new Option<string?>("--key") { Description = "Public key that verifies checkpoints (default: audit.public_key of the plan)" };
        var noRecord = new Option<bool>("--no-record") { Description = "Do not record the verification in the log and the chain (leave them exactly as found)" };
        verify.Options.Add(anchor);
        verify.Options.Add(key);
        var node = new Option<string?>("--node") { Description = "Whose maintenance log to compare with the chain: a node's name (scheduler.node; default this node). Several nodes share the chain, each keeps its own log" };
        var log = new Option<string?>("--log") { Description = "The maintenance log file to compare (default: log.file of the plan), e.g. a copy of another node's log with --node" };
        verify.Options.Add(noRecord);
        verify.Options.Add(node);
        verify.Options.Add(log);
        b.Action(verify, async (parse, ctx, ct) =>
        {
            var anchorPath = parse.GetValue(anchor);
            Checkpoint? anchorCheckpoint = null;
            if (anchorPath is not null)
            {
                try
                {
                    anchorCheckpoint = AnchorFile.Read(anchorPath);
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                    var words = ctx.Messages();
                    throw new UserError(words.Format("cli.anchor", e.Message), words["cli.anchor.hint"], e);
                }
            }
            var keyPath = parse.GetValue(key);
            if (keyPath is not null && !File.Exists(keyPath)) throw new UserError($"--key: {keyPath} not found");
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var logPath = parse.GetValue(log) is { } other ? Path.GetFullPath(other) : null;
            if (logPath is not null && logPath != journal.LogPath && !File.Exists(logPath)) throw new UserError($"--log: {logPath} not found", "give the path of a maintenance log file");
            var report = await PlanVerification.RunAsync(plan, journal, keyPath, anchorCheckpoint, logPath, parse.GetValue(node), record: !parse.GetValue(noRecord), ct: ct);
            var t = ctx.Messages(plan);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["intact"] = report.Intact,
                    ["entries"] = report.Entries,
                    ["head"] = report.Head?.Hash,
                    ["proven"] = new JsonArray(report.Proven.Select(p => (JsonNode)p).ToArray()),
                    ["problems"] = new JsonArray(report.Problems.Select(p => (JsonNode)new JsonObject
                    {
                        ["seq"] = p.Seq,
                        ["kind"] = p.Kind.ToString(),
                        ["message"] = p.Message,
                    }).ToArray()),
                });
            }
            else
            {
                foreach (var p in report.Proven) ctx.Output.Line($"ok    {p}");
                foreach (var p in report.Problems) ctx.Output.Line($"FAIL  {p.Message}");
                ctx.Output.Line(AuditReportJournal.Event(report).Message(t));
            }
            return report.Intact ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return verify;
    }

    private static Command CheckpointCmd(CommandBuilder b)
    {
        var checkpoint = b.Command("checkpoint", "Sign a checkpoint (sequence, head hash, time) with the project's Ed25519 key; export it to a file kept elsewhere.", "jaga audit checkpoint --out /mnt/offsite/jaga-checkpoint.json");
        var output = new Option<string?>("--out", "-o") { Description = "Also write the checkpoint to this file (the external anchor)" };
        var ifDue = new Option<bool>("--if-due") { Description = "Only when the plan's audit.checkpoint schedule says one is due (for cron)" };
        checkpoint.Options.Add(output);
        checkpoint.Options.Add(ifDue);
        b.Action(checkpoint, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            if (parse.GetValue(ifDue) && !await Checkpoints.IsDueAsync(journal, plan, ctx.Clock, ct))
            {
                var reason = plan.Plan.Audit.Checkpoint is null ? "no checkpoint schedule in the plan (audit.checkpoint)" : "no checkpoint due";
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["signed"] = false, ["reason"] = reason });
                else ctx.Output.Line(reason);
                return ExitCodes.Ok;
            }
            var (c, refused) = await Checkpoints.CreateAsync(journal, plan, ctx.Clock, parse.GetValue(output), ct);
            if (refused is not null)
            {
                ctx.Output.Error($"jaga: not signing a checkpoint of a chain that does not verify: {refused.Message}");
                return ExitCodes.Failed;
            }
            if (c is null) throw new UserError("the audit chain is empty: there is nothing to checkpoint yet");
            if (ctx.JsonOutput)
                ctx.Output.Write(new JsonObject { ["seq"] = c.Seq, ["head"] = c.Head, ["time"] = c.Time.ToString("O", CultureInfo.InvariantCulture), ["key_id"] = c.KeyId, ["signature"] = c.Signature });
            else
                ctx.Output.Line(new CheckpointSigned(c.Seq, c.Head[..12], c.KeyId).Message(ctx.Messages(plan)));
            return ExitCodes.Ok;
        });
        return checkpoint;
    }

    private static Command Export(CommandBuilder b)
    {
        var export = b.Command("export", "Export the whole chain, one JSON object per line, for verification without Jaga (see docs/audit.md).", "jaga audit export --out audit.jsonl");
        var format = new Option<string>("--format") { Description = "Export format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file (atomically) instead of standard output" };
        export.Options.Add(format);
        export.Options.Add(output);
        b.Action(export, async (parse, ctx, ct) =>
        {
            var (_, store, _) = await ctx.OpenAsync(ct: ct);
            await using var _s = store;
            var path = parse.GetValue(output);
            if (path is null)
            {
                await foreach (var e in store.ReadAsync(1, ct)) ctx.Output.Line(ToJson(e).ToJsonString());
            }
            else
            {
                // Streamed to a temporary file and renamed: a long chain never sits in memory, a crash leaves no half export.
                await OutFile.WriteAsync(path, () => AtomicFile.WriteAsync(path, async stream =>
                {
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    await foreach (var e in store.ReadAsync(1, ct)) await writer.WriteAsync(ToJson(e).ToJsonString() + "\n");
                }));
            }
            return ExitCodes.Ok;
        });
        return export;
    }

    public static JsonObject ToJson(AuditEntry e)
    {
        var data = new JsonObject();
        foreach (var (k, v) in e.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal)) data[k] = v;
        return new JsonObject
        {
            ["seq"] = e.Seq,
            ["time"] = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["actor"] = e.Actor,
            ["kind"] = e.Kind,
            ["level"] = e.Level.ToText(),
            ["message"] = e.Message,
            ["line"] = e.Line,
            ["data"] = data,
            ["prev"] = e.Prev,
            ["hash"] = e.Hash,
        };
    }
}
