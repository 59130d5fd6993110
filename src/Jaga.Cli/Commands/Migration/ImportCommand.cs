using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Core.Messages;
using Jaga.Engine.Migration.Import;
using Spectre.Console;

namespace Jaga.Cli.Commands.Migration;

/// <summary><c>jaga migrate import --from DIR --into URL</c>: load an export into PostgreSQL with COPY (see
/// <see cref="MigrationImport"/>).</summary>
internal static class ImportCommand
{
    public static Command Create(CommandBuilder b)
    {
        var import = b.Command("import",
            "Load an export (CSV files and manifest.json) into PostgreSQL. Tables the target lacks are created from the manifest (keys, indexes and foreign keys added after the load); tables it has, made by the application's migrations, are matched by column name, and a mismatch stops the import before any row is written. Parent tables first, COPY streaming, sequences set past the highest id, ANALYZE at the end. A refused row stops the import with its file, line and column, and its transaction is rolled back.",
            "jaga migrate import --from export/ --into postgres://app@db:5432/app --atomic");
        var from = new Option<string>("--from") { Description = "The export folder (with manifest.json)", Required = true };
        var into = new Option<string>("--into") { Description = "The target: a postgres:// URL (its password is never printed)", Required = true };
        var atomic = new Option<bool>("--atomic") { Description = "One transaction for every table: all or nothing (otherwise one per table, and a failure lists the tables already committed)" };
        var truncate = new Option<bool>("--truncate") { Description = "Empty target tables that already hold rows (otherwise they are refused)" };
        var tables = new Option<string[]>("--tables") { Description = "Only these tables (repeat, or separate with commas)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true };
        import.Options.Add(from);
        import.Options.Add(into);
        import.Options.Add(atomic);
        import.Options.Add(truncate);
        import.Options.Add(tables);
        b.Action(import, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var words = ctx.Messages(plan);
            var target = CompositionRoot.Adapters.ImportTarget ?? throw new InvalidOperationException("no import target: the composition root misses AddPostgres");
            var options = new ImportOptions(parse.GetValue(from)!, parse.GetValue(into)!)
            {
                Atomic = parse.GetValue(atomic),
                Truncate = parse.GetValue(truncate),
                Tables = [.. (parse.GetValue(tables) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
            };
            var service = new MigrationImport(target, ctx.Clock) { Journal = journal, Messages = words };
            try
            {
                var result = ctx.Output.Terminal
                    ? await WithProgressAsync(words, p => service.RunAsync(options, p, ct))
                    : await service.RunAsync(options, null, ct);
                Show(ctx, words, result);
                return ExitCodes.Ok;
            }
            catch (ImportInterruptedException e)
            {
                // The connection was lost or ANALYZE failed: nothing the user gave was wrong, and running again may succeed.
                Failure(ctx, words, e.Message, null, e.Hint);
                return ExitCodes.Failed;
            }
            catch (ImportFailedException e) when (e.Detail is not null)
            {
                Failure(ctx, words, e.Message, e.Detail, e.Hint);
                return ExitCodes.BadInput;
            }
        });
        return import;
    }

    /// <summary>The error as the command line prints any user error, plus PostgreSQL's detail: the refused value and key
    /// (personal data, perhaps), which the terminal shows and the log and the audit chain never get.</summary>
    private static void Failure(CliContext ctx, Catalog words, string message, string? detail, string? hint)
    {
        ctx.Output.Error($"jaga: {ctx.Redact(message)}");
        if (detail is not null) ctx.Output.Error(words.Format("cli.import.detail", ctx.Redact(detail)));
        if (hint is { Length: > 0 }) ctx.Output.Error($"hint: {ctx.Redact(hint)}");
    }

    private static void Show(CliContext ctx, Catalog words, ImportResult result)
    {
        if (ctx.JsonOutput)
        {
            var tables = new JsonArray();
            foreach (var t in result.Tables)
            {
                tables.Add(new JsonObject
                {
                    ["name"] = t.Name,
                    ["rows"] = t.Rows,
                    ["created"] = t.Created,
                    ["truncated"] = t.Truncated,
                    ["seconds"] = Math.Round(t.Elapsed.TotalSeconds, 3),
                    ["notes"] = new JsonArray([.. t.Notes.Select(n => (JsonNode?)JsonValue.Create(n))]),
                });
            }
            ctx.Output.Write(new JsonObject
            {
                ["from"] = result.From,
                ["target"] = ctx.Redact(result.Target),
                ["atomic"] = result.Atomic,
                ["tables"] = tables,
                ["rows"] = result.Rows,
                ["seconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
            });
            return;
        }
        ctx.Output.Table(words.Columns("cli.import.table"), result.Tables.Select(t => new[]
        {
            t.Name, t.Rows.ToString(CultureInfo.InvariantCulture),
            words[t.Created ? "cli.import.created" : t.Truncated ? "cli.import.truncated" : "cli.import.existing"],
            t.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
        }));
        foreach (var note in result.Tables.SelectMany(t => t.Notes)) ctx.Output.Line(note);
        ctx.Output.Line(words.Format("cli.import.done", result.Tables.Count, result.Rows, ctx.Redact(result.Target),
            result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"));
    }

    /// <summary>A progress bar over all rows, its label the table being loaded and the rate in rows per second.</summary>
    private static Task<ImportResult> WithProgressAsync(Catalog words, Func<IProgress<ImportProgress>, Task<ImportResult>> work) =>
        AnsiConsole.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async p =>
            {
                var task = p.AddTask("import", maxValue: 1);
                var last = Stopwatch.GetTimestamp();
                // Progress<T> would post to a thread pool in any order; the bar takes the latest report synchronously instead.
                var progress = new Reporter(r =>
                {
                    if (Stopwatch.GetElapsedTime(last).TotalMilliseconds < 100 && r.TableRows < r.TableTotal) return;
                    last = Stopwatch.GetTimestamp();
                    var rate = r.Rows / Math.Max(r.Elapsed.TotalSeconds, 0.001);
                    task.MaxValue = Math.Max(r.Total, 1);
                    task.Value = r.Rows;
                    task.Description = Markup.Escape(words.Format("cli.import.progress", r.Table, r.TableRows, r.TableTotal, rate.ToString("0", CultureInfo.InvariantCulture)));
                });
                return await work(progress);
            });

    private sealed class Reporter(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
