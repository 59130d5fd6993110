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
            var written = await TablesAsync(source, ordered, folder, files, context.Progress, warnings, ct);
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

    /// <summary>Writes every table, in parallel on a second (third…) reader of the same snapshot where the source offers
    /// one (<see cref="IMigrationSource.OpenSameSnapshotAsync"/>) and there are cores for it, the largest tables first
    /// so the readers finish together; the tables come back in <paramref name="ordered"/>'s order, and so do their
    /// warnings.</summary>
    private static async Task<List<ManifestTable>> TablesAsync(IMigrationSource source, IReadOnlyList<SourceTable> ordered, string folder,
        IReadOnlyDictionary<string, string> files, IProgress<MigrationProgress>? progress, List<string> warnings, CancellationToken ct)
    {
        var readers = new List<IMigrationSource> { source };
        try
        {
            var wanted = Math.Min(Math.Min(Environment.ProcessorCount, MaxReaders), ordered.Count);
            while (readers.Count < wanted && await source.OpenSameSnapshotAsync(ct) is { } another) readers.Add(another);
            var queue = new List<int>(Enumerable.Range(0, ordered.Count));
            if (readers.Count > 1)
            {
                var rows = new long[ordered.Count];
                for (var i = 0; i < ordered.Count; i++) rows[i] = await source.CountRowsAsync(ordered[i].Name, ct) ?? 0;
                queue = [.. queue.OrderByDescending(i => rows[i])];
            }
            var results = new ManifestTable?[ordered.Count];
            var tableWarnings = ordered.Select(_ => new List<string>()).ToArray();
            long total = 0;
            var next = -1;
            var gate = new Lock();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            async Task Reader(IMigrationSource reader)
            {
                try
                {
                    for (int at; (at = Interlocked.Increment(ref next)) < queue.Count;)
                    {
                        var index = queue[at];
                        var table = ordered[index];
                        long reported = 0;
                        results[index] = await TableExport.WriteAsync(reader, table, folder, files[table.Name], rows =>
                        {
                            var sum = Interlocked.Add(ref total, rows - reported);
                            reported = rows;
                            if (progress is null) return;
                            lock (gate) progress.Report(new MigrationProgress("export", table.Name, rows, sum));
                        }, tableWarnings[index], stop.Token);
                    }
                }
                catch
                {
                    // The other readers stop at their next batch of rows; the first failure is the one reported.
                    await stop.CancelAsync();
                    throw;
                }
            }
            var running = readers.Count == 1 ? [Reader(source)] : readers.Select(r => Task.Run(() => Reader(r), CancellationToken.None)).ToArray();
            try
            {
                await Task.WhenAll(running);
            }
            catch when (running.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException) is { } failed)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Exception!.InnerException!);
            }
            foreach (var list in tableWarnings) warnings.AddRange(list);
            return [.. results.Select(r => r!)];
        }
        finally
        {
            foreach (var reader in readers.Skip(1)) await reader.DisposeAsync();
        }
    }

    /// <summary>At most this many readers at once: beyond it, the disk and the writing of the files are the limit.</summary>
    private const int MaxReaders = 4;

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
