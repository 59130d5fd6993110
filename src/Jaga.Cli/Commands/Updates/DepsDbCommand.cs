using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Jaga.Cli.Composition;
using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Updates.Advisories;

namespace Jaga.Cli.Commands.Updates;

/// <summary><c>jaga deps db update [--from FILE.zip|URL]...</c> imports OSV's per-ecosystem dumps into the local advisory
/// database; <c>jaga deps db status</c> tells how old each ecosystem's data is.</summary>
internal static class DepsDbCommand
{
    public static Command Create(CommandBuilder b)
    {
        var db = b.Command("db", "The local copy of OSV's advisories that the audit reads: update it, see how old it is.", "jaga deps db update");
        db.Subcommands.Add(Update(b));
        db.Subcommands.Add(Status(b));
        return db;
    }

    private static Command Update(CommandBuilder b)
    {
        var update = b.Command("update", "Download OSV's advisories (NuGet, npm, PyPI) and import them into the local database; each ecosystem's data is replaced whole or not at all.",
            "jaga deps db update --from https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip");
        var from = new Option<string[]>("--from")
        {
            Description = "An OSV all.zip, as a file or an http(s) URL, or a folder of OSV JSON documents; give it once per dump (default: OSV's NuGet, npm and PyPI dumps)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        update.Options.Add(from);
        b.Action(update, async (parse, ctx, ct) =>
        {
            var (plan, store, journal) = await ctx.OpenAsync(ct: ct);
            await using var _ = store;
            var words = ctx.Messages(plan);
            var path = AdvisoryDatabasePath.For(plan);
            var database = await CompositionRoot.OpenAdvisoriesAsync(plan, ctx.Clock, ct);
            // No overall timeout: a dump is hundreds of megabytes; a server that stops answering is caught by the connect timeout.
            using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), AutomaticDecompression = DecompressionMethods.All };
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            var importer = new AdvisoryImporter(database, new AdvisoryDownload(http, ctx.RealTime));
            IReadOnlyList<AdvisoryImport> imports;
            try
            {
                imports = await importer.UpdateAsync(parse.GetValue(from) ?? [], journal, ctx.JsonOutput ? null : new Downloads(ctx.Output, words), ct);
            }
            catch (AdvisoryDownloadException e)
            {
                ctx.Output.Error($"jaga: {ctx.Redact(e.Message)}");
                ctx.Output.Error("hint: nothing was imported; check the network or the URL, or download the zip elsewhere and give it with --from FILE");
                return ExitCodes.Failed;
            }
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject { ["database"] = path, ["imports"] = new JsonArray([.. imports.Select(i => (JsonNode)Json(i, ctx.Clock))]) });
                return ExitCodes.Ok;
            }
            foreach (var i in imports) ctx.Output.Line(words.Format("cli.deps.db.imported", OsvJson.NameOf(i.Ecosystem), i.Advisories, i.Source));
            ctx.Output.Line(AdvisoryImporter.Event(imports).Message(words));
            return ExitCodes.Ok;
        });
        return update;
    }

    private static Command Status(CommandBuilder b)
    {
        var status = b.Command("status", "When each ecosystem's advisories were imported, how old they are, how many and from where.", "jaga deps db status --json");
        b.Action(status, async (parse, ctx, ct) =>
        {
            var plan = ctx.LoadPlan();
            var words = ctx.Messages(plan);
            var path = AdvisoryDatabasePath.For(plan);
            // Asking the status creates nothing: a missing file is a database never updated.
            var imports = File.Exists(path) ? await (await CompositionRoot.OpenAdvisoriesAsync(plan, ctx.Clock, ct)).ImportsAsync(ct) : [];
            var now = ctx.Clock.GetUtcNow();
            var rows = Enum.GetValues<Ecosystem>().Select(e => (Ecosystem: e, Import: imports.FirstOrDefault(i => i.Ecosystem == e))).ToList();
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["database"] = path,
                    ["ecosystems"] = new JsonArray([.. rows.Select(r => r.Import is { } i ? (JsonNode)Json(i, ctx.Clock)
                        : new JsonObject { ["ecosystem"] = OsvJson.NameOf(r.Ecosystem), ["imported_at"] = null, ["age_s"] = null, ["advisories"] = 0, ["source"] = null })]),
                });
                return ExitCodes.Ok;
            }
            ctx.Output.Line(words.Format("cli.deps.db.where", path));
            if (imports.Count == 0)
            {
                ctx.Output.Line(words.Format("cli.deps.db.empty", path));
                return ExitCodes.Ok;
            }
            var zone = plan.Plan.Timezone;
            ctx.Output.Table(words.Columns("cli.deps.db.columns"), rows.Select(r => r.Import is { } i
                ? new[]
                {
                    OsvJson.NameOf(i.Ecosystem), TimeZoneInfo.ConvertTime(i.ImportedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Age(now - i.ImportedAt), i.Advisories.ToString(CultureInfo.InvariantCulture), i.Source,
                }
                : [OsvJson.NameOf(r.Ecosystem), words["cli.deps.db.never"], "-", "0", "-"]));
            return ExitCodes.Ok;
        });
        return status;
    }

    /// <summary>An age to the minute (<c>3h</c>, <c>2d4h</c>): seconds say nothing about data refreshed daily.</summary>
    private static string Age(TimeSpan age) => AlertText.Duration(TimeSpan.FromMinutes(Math.Floor(Math.Max(0, age.TotalMinutes))));

    private static JsonObject Json(AdvisoryImport i, TimeProvider clock) => new()
    {
        ["ecosystem"] = OsvJson.NameOf(i.Ecosystem),
        ["imported_at"] = i.ImportedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["age_s"] = Math.Max(0, (clock.GetUtcNow() - i.ImportedAt).TotalSeconds),
        ["advisories"] = i.Advisories,
        ["source"] = i.Source,
    };

    /// <summary>One line when a download starts and one when it ends, on stderr (stdout stays the result).</summary>
    private sealed class Downloads(Output output, Catalog words) : IProgress<DownloadProgress>
    {
        private readonly HashSet<string> started = new(StringComparer.Ordinal);

        public void Report(DownloadProgress value)
        {
            if (started.Add(value.Source)) output.Error(words.Format("cli.deps.db.downloading", value.Source));
            if (value.Done) output.Error(words.Format("cli.deps.db.downloaded", value.Source, (value.Bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)));
        }
    }
}
