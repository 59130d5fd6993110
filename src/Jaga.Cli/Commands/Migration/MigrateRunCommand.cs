using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Core.Migration.Run;
using Jaga.Engine.Migration.Run;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate run [--dry-run]</c>: the plan's <c>migration:</c> section carried out step by step (see
/// <see cref="MigrationRun"/>), ending in a receipt sealed by a signed audit checkpoint. Exit 0 when every step passed,
/// 1 when the tests failed or the verification found a difference, 2 for bad input (a URL, a non-empty target table).</summary>
internal static class MigrateRunCommand
{
    public static Command Create(CommandBuilder b)
    {
        var run = b.Command("run",
            "Carry out the plan's migration: export the starter kit's database, import it into PostgreSQL, set the env file's keys, run the integration tests, verify both sides; each step a line of the maintenance log, then a receipt (migration-receipt.md and .json beside the export) sealed in a signed audit checkpoint. A failed step stops the run.",
            "jaga migrate run --dry-run");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the steps and touch nothing: no database is read, no file written, no state opened" };
        var truncate = new Option<bool>("--truncate") { Description = "Empty target tables that already hold rows before the import (otherwise the import refuses them)" };
        run.Options.Add(dryRun);
        run.Options.Add(truncate);
        b.Action(run, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var steps = MigrationRunPlan.Of(plan, words);
            if (parse.GetValue(dryRun))
            {
                var lines = steps.Describe(steps.FolderAt(ctx.Clock.GetUtcNow()), parse.GetValue(truncate), plan.Directory, words);
                if (ctx.JsonOutput) ctx.Output.Write(new JsonObject { ["dry_run"] = true, ["steps"] = new JsonArray([.. lines.Select(l => (JsonNode)l)]) });
                else foreach (var line in lines) ctx.Output.Line(line);
                return ExitCodes.Ok;
            }
            var (_, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _s = store;
            var migration = new MigrationRun(CompositionRoot.Adapters, journal, plan, ctx.Clock, ctx.RealTime)
            {
                By = CliContext.Actor,
                Progress = ctx.JsonOutput ? null : new Lines(line => ctx.Output.Line(ctx.Redact(line))),
            };
            MigrationRunResult result;
            try
            {
                result = await migration.RunAsync(steps, parse.GetValue(truncate), ct);
            }
            catch (Engine.Migration.Import.ImportInterruptedException e)
            {
                // The import lost its connection or its ANALYZE failed: recorded as the step's failure, and not the user's input.
                ctx.Output.Error($"jaga: {ctx.Redact(e.Message)}");
                if (e.Hint is { Length: > 0 } hint) ctx.Output.Error($"hint: {ctx.Redact(hint)}");
                return ExitCodes.Failed;
            }
            Show(ctx, words, result);
            return result.Receipt.Succeeded && result.SealRefused is null ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return run;
    }

    private static void Show(CliContext ctx, Core.Messages.Catalog words, MigrationRunResult result)
    {
        if (ctx.JsonOutput)
        {
            var receipt = JsonNode.Parse(MigrationReceiptText.Json(result.Receipt))!.AsObject();
            receipt["receipt"] = result.ReceiptPath;
            receipt["checkpoint"] = result.Seal is { } s ? new JsonObject { ["seq"] = s.Seq, ["head"] = s.Head, ["key_id"] = s.KeyId } : null;
            receipt["seal_refused"] = result.SealRefused;
            ctx.Output.Write(receipt);
            return;
        }
        ctx.Output.Line(result.Line);
        if (result.Seal is { } seal) ctx.Output.Line(words.Format("cli.migrate.sealed", seal.Seq, seal.Head[..12]));
        if (result.SealRefused is { } refused) ctx.Output.Error($"jaga: not signing a checkpoint of a chain that does not verify: {refused}");
    }

    /// <summary>Hands each line on at once, in order (<see cref="Progress{T}"/> would post them to the pool in any order).</summary>
    private sealed class Lines(Action<string> write) : IProgress<string>
    {
        public void Report(string value) => write(value);
    }
}
