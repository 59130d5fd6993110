using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Engine.Migration;
using Jaga.Engine.Migration.Export;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate export --from URL --out DIR [--tables a,b]</c>.</summary>
internal static class MigrateExportCommand
{
    public static Command Create(CommandBuilder b)
    {
        var export = b.Command("export",
            "Export every table (or --tables) of a SQLite, PostgreSQL or MySQL/MariaDB database to one CSV file each, with manifest.json (types, keys, row counts, hashes) written last. Exit 2 for bad input, including a value SQLite's loose typing let into a column of another type.",
            "jaga migrate export --from sqlite:starter/app.db --out export/");
        var from = new Option<string>("--from") { Description = "The source database: sqlite:PATH, postgres://user@host/db or mysql://user@host/db", Required = true };
        var output = new Option<string>("--out") { Description = "The export folder: new, empty, or a previous Jaga export (replaced)", Required = true };
        var tables = new Option<string?>("--tables") { Description = "Only these tables, comma-separated (all when absent)" };
        export.Options.Add(from);
        export.Options.Add(output);
        export.Options.Add(tables);
        b.Action(export, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var t = ctx.Messages(plan);
            var request = new MigrationExportRequest(parse.GetValue(from)!, parse.GetValue(output)!, Tables(parse.GetValue(tables)));
            var context = new MigrationContext(ctx.Clock) { Journal = journal };
            var result = await MigrateProgress.ShowAsync(ctx, "export", progress =>
                MigrationExport.RunAsync(CompositionRoot.Adapters, request, context with { Progress = progress }, ct));
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["folder"] = result.Folder,
                    ["source"] = result.Manifest.Source,
                    ["source_kind"] = result.Manifest.SourceKind,
                    ["rows"] = result.Rows,
                    ["seconds"] = Math.Round(result.Duration.TotalSeconds, 3),
                    ["warnings"] = new JsonArray(result.Warnings.Select(w => (JsonNode)w).ToArray()),
                    ["tables"] = new JsonArray(result.Manifest.Tables.Select(m => (JsonNode)new JsonObject
                    {
                        ["name"] = m.Name,
                        ["file"] = m.File,
                        ["rows"] = m.Rows,
                        ["sha256"] = m.Sha256,
                        ["content_sha256"] = m.ContentSha256,
                    }).ToArray()),
                });
                return ExitCodes.Ok;
            }
            ctx.Output.Table(t.Columns("cli.migrate.export.columns"),
                result.Manifest.Tables.Select(m => new[] { m.Name, m.Rows.ToString("N0", CultureInfo.InvariantCulture), m.File, m.ContentSha256 }));
            foreach (var w in result.Warnings) ctx.Output.Error(t.Format("cli.migrate.warning", w));
            ctx.Output.Line(t.Format("cli.migrate.export.done", result.Manifest.Tables.Count, result.Rows.ToString("N0", CultureInfo.InvariantCulture),
                result.Folder, result.Duration.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture)));
            return ExitCodes.Ok;
        });
        return export;
    }

    /// <summary>The names of <c>--tables a,b</c>; null for all.</summary>
    internal static IReadOnlyList<string>? Tables(string? list) =>
        list is null ? null : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
