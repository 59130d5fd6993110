using System.Diagnostics;
using System.Text;
using Jaga.Core.Adapters;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Export;

/// <summary><c>jaga migrate export</c>: every table of a SQLite, PostgreSQL or MySQL/MariaDB database to one CSV file
/// each, then <c>manifest.json</c> (see <c>docs/migration.md</c>).</summary>
public static class MigrationExport
{
    /// <summary>Exports <paramref name="request"/>'s tables. Bad input (a URL, a folder that holds something else, an
    /// unknown table, a value SQLite's loose typing let into a column of another type) is a
    /// <see cref="UserException"/>; the act is recorded in <see cref="MigrationContext.Journal"/>.</summary>
    public static async Task<MigrationExportResult> RunAsync(AdapterSet adapters, MigrationExportRequest request, MigrationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var exportedAt = context.Clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var folder = Path.GetFullPath(request.Out);
        var shown = Redaction(request.From);
        try
        {
            await using var source = await MigrationSources.OpenAsync(adapters, request.From, ct);
            shown = source.Description;
            var schema = await source.ReadSchemaAsync(ct);
            var chosen = Choose(schema, request.Tables, source.Description);
            var (ordered, cycles) = ForeignKeyOrder.Sort(chosen, t => t.Name, t => t.ForeignKeys.Select(f => f.References));
            var warnings = source.Skipped.Concat(cycles.Select(c =>
                $"the tables {string.Join(", ", c)} reference each other (a foreign-key cycle): an import that creates the tables adds the foreign keys after every table is loaded, so the order does not matter there; into existing tables, make their keys DEFERRABLE or load them yourself")).ToList();
            ExportFolder.Prepare(folder);
            var files = ExportFolder.FileNames(ordered.Select(t => t.Name));
            var written = new List<ManifestTable>();
            long before = 0;
            foreach (var table in ordered)
            {
                var done = before;
                written.Add(await TableExport.WriteAsync(source, table, folder, files[table.Name],
                    rows => context.Progress?.Report(new MigrationProgress("export", table.Name, rows, done + rows)), warnings, ct));
                before += written[^1].Rows;
            }
            var manifest = new ExportManifest(ExportManifest.CurrentFormat, source.Description, source.Kind, exportedAt, JagaVersion.Current, written);
            var temporary = Path.Combine(folder, ExportManifest.FileName + ExportFolder.TemporarySuffix);
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                await stream.WriteAsync(new UTF8Encoding(false).GetBytes(ExportManifestJson.Write(manifest)), ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path.Combine(folder, ExportManifest.FileName), overwrite: true);
            var result = new MigrationExportResult(folder, manifest, Stopwatch.GetElapsedTime(started), warnings);
            if (context.Journal is { } journal)
                await journal.RecordAsync(new MigrationExported(source.Description, folder, written.Count, result.Rows, Seconds(result.Duration))
                {
                    Data = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["source"] = source.Description,
                        ["folder"] = folder,
                        ["tables"] = string.Join(",", written.Select(t => $"{t.Name}:{t.Rows}:{t.ContentSha256}")),
                    },
                }, ct: CancellationToken.None);
            return result;
        }
        catch (Exception e) when (e is UserException or IOException or UnauthorizedAccessException)
        {
            if (context.Journal is { } journal)
                await journal.RecordAsync(new MigrationExportFailed(shown, folder, journal.Redactor.Redact(e.Message)), ct: CancellationToken.None);
            if (e is UserException) throw;
            throw new UserException($"cannot write the export to {folder}: {e.Message}", "name a folder you can write to", e);
        }
    }

    private static List<SourceTable> Choose(IReadOnlyList<SourceTable> schema, IReadOnlyList<string>? wanted, string source)
    {
        if (wanted is null || wanted.Count == 0) return [.. schema];
        var byName = schema.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var unknown = wanted.Where(w => !byName.ContainsKey(w)).ToList();
        if (unknown.Count > 0)
            throw new UserException($"{source} has no table {string.Join(", ", unknown.Select(u => $"'{u}'"))}",
                schema.Count == 0 ? "the database has no tables" : $"its tables: {string.Join(", ", schema.Select(t => t.Name))}");
        return wanted.Distinct(StringComparer.Ordinal).Select(w => byName[w]).ToList();
    }

    private static string Redaction(string url) => Core.Redaction.Redactor.None.Redact(url);

    internal static string Seconds(TimeSpan t) => $"{t.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s";
}
