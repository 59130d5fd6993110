using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Verify;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate verify --source URL|DIR --target URL [--tables a,b]</c>.</summary>
internal static class MigrateVerifyCommand
{
    public static Command Create(CommandBuilder b)
    {
        var verify = b.Command("verify",
            "Compare per-table row counts and canonical content hashes of a source database (or an export folder) and the target PostgreSQL; differing tables are listed with a few sample keys. Exit 1 when they differ.",
            "jaga migrate verify --source export/ --target postgres://app@db:5432/app");
        var source = new Option<string>("--source") { Description = "The source: sqlite:PATH, postgres://…, mysql://…, or an export folder", Required = true };
        var target = new Option<string>("--target") { Description = "The target PostgreSQL database: postgres://user@host/db", Required = true };
        var tables = new Option<string?>("--tables") { Description = "Only these tables, comma-separated (all of the source's when absent)" };
        verify.Options.Add(source);
        verify.Options.Add(target);
        verify.Options.Add(tables);
        b.Action(verify, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var t = ctx.Messages(plan);
            var request = new MigrationVerifyRequest(parse.GetValue(source)!, parse.GetValue(target)!, MigrateExportCommand.Tables(parse.GetValue(tables)));
            var context = new MigrationContext(ctx.Clock) { Journal = journal };
            var result = await MigrateProgress.ShowAsync(ctx, "verify", progress =>
                MigrationVerify.RunAsync(CompositionRoot.Adapters, request, context with { Progress = progress }, ct));
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["equal"] = result.Equal,
                    ["source"] = result.Source,
                    ["target"] = result.Target,
                    ["seconds"] = Math.Round(result.Duration.TotalSeconds, 3),
                    ["tables"] = new JsonArray(result.Tables.Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c.Table,
                        ["equal"] = c.Equal,
                        ["source_rows"] = c.SourceRows,
                        ["target_rows"] = c.TargetRows,
                        ["source_content_sha256"] = c.SourceContentSha256,
                        ["target_content_sha256"] = c.TargetContentSha256,
                        ["sample_keys"] = new JsonArray(c.SampleKeys.Select(k => (JsonNode)k).ToArray()),
                        ["problem"] = c.Problem,
                    }).ToArray()),
                });
            }
            else
            {
                ctx.Output.Table(t.Columns("cli.migrate.verify.columns"), result.Tables.Select(c => new[]
                {
                    c.Table, Count(c.SourceRows), Count(c.TargetRows),
                    c.Equal ? t["word.migrate.equal"] : t["word.migrate.differs"],
                    c.Problem ?? string.Join("; ", c.SampleKeys),
                }));
                var differing = result.Tables.Count(c => !c.Equal);
                ctx.Output.Line(result.Equal
                    ? t.Format("cli.migrate.verify.equal", result.Source, result.Target, result.Tables.Count)
                    : t.Format("cli.migrate.verify.differ", differing, result.Tables.Count, result.Source, result.Target));
            }
            return result.Equal ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return verify;
    }

    private static string Count(long rows) => rows < 0 ? "-" : rows.ToString("N0", CultureInfo.InvariantCulture);
}
