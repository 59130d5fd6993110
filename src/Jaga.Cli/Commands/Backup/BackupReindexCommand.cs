using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Engine.Backup;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup reindex</c>: rebuilds the catalog from the manifests at every destination of the plan.</summary>
internal static class BackupReindexCommand
{
    public static Command Create(CommandBuilder b)
    {
        var reindex = b.Command("reindex",
            "Rebuild the backup catalog from the manifests at every destination a job writes to (after losing or moving the state store). Exit 1 when one could not be read.",
            "jaga backup reindex");
        b.Action(reindex, async (parse, ctx, ct) =>
        {
            await using var session = await BackupSession.OpenAsync(ctx, null, ct);
            var outcome = await new CatalogReindex(session.Services).RunAsync(ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["found"] = outcome.Found,
                    ["removed"] = outcome.Removed,
                    ["unreachable"] = new JsonObject(outcome.Unreachable.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                    ["skipped"] = new JsonArray(outcome.Skipped.Select(s => (JsonNode)s!).ToArray()),
                    ["unused"] = new JsonArray(outcome.Unused.Select(u => (JsonNode)u!).ToArray()),
                });
            }
            else
            {
                foreach (var (d, why) in outcome.Unreachable) ctx.Output.Error($"jaga: {d} could not be read: {why}");
                foreach (var s in outcome.Skipped) ctx.Output.Error($"jaga: skipped {s}");
                foreach (var u in outcome.Unused) ctx.Output.Error($"jaga: {u} not read: no backup job writes there");
                ctx.Output.Line(outcome.Line);
            }
            return outcome.Unreachable.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return reindex;
    }
}
