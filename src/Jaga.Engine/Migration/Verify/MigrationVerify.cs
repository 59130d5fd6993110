using System.Diagnostics;
using Jaga.Core.Adapters;
using Jaga.Core.Errors;
using Jaga.Core.Journal.Events.Migration;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary><c>jaga migrate verify</c>: per-table row counts and canonical content hashes of a source (a database, or an
/// export's manifest and CSV files) and a target PostgreSQL, read with the source's PostgreSQL types on both sides.</summary>
public static class MigrationVerify
{
    /// <summary>Compares the tables; differing ones carry a few sample keys. Bad input is a
    /// <see cref="UserException"/>; a difference is not an exception (see <see cref="MigrationVerifyResult.Equal"/>).
    /// The act is recorded in <see cref="MigrationContext.Journal"/>.</summary>
    public static async Task<MigrationVerifyResult> RunAsync(AdapterSet adapters, MigrationVerifyRequest request, MigrationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        await using var source = await OpenSourceAsync(adapters, request.Source, ct);
        var tables = await TablesAsync(source, ct);
        if (request.Tables is { Count: > 0 } wanted)
        {
            var unknown = wanted.Where(w => tables.All(t => t.Name != w)).ToList();
            if (unknown.Count > 0)
                throw new UserException($"{source.Description} has no table {string.Join(", ", unknown.Select(u => $"'{u}'"))}",
                    $"its tables: {string.Join(", ", tables.Select(t => t.Name))}");
            tables = tables.Where(t => wanted.Contains(t.Name)).ToList();
        }
        await using var targetSource = await MigrationSources.OpenAsync(adapters, request.Target, ct);
        var target = new DatabaseSide(targetSource);
        var there = await targetSource.ReadSchemaAsync(ct);
        var compared = new List<TableComparison>();
        long total = 0;
        foreach (var table in tables)
        {
            var (other, missing) = Counterpart(table, there);
            if (missing is not null)
            {
                compared.Add(new TableComparison(table.Name, -1, -1, "", "", [], missing));
                continue;
            }
            var before = total;
            var comparison = await TableCompare.RunAsync(source, target, table, other!,
                (step, rows) => context.Progress?.Report(new MigrationProgress(step, table.Name, rows, before + rows)), ct);
            total += comparison.SourceRows;
            // An export's files are checked against its own manifest too: a CSV changed after the export is not the export.
            if (source is ExportSide export && export.Manifest.Tables.First(t => t.Name == table.Name) is var listed
                && (listed.Rows != comparison.SourceRows || listed.ContentSha256 != comparison.SourceContentSha256))
                comparison = comparison with { Problem = $"{listed.File} no longer holds the rows its manifest lists ({listed.Rows} rows, content {listed.ContentSha256[..12]}…)" };
            compared.Add(comparison);
        }
        var result = new MigrationVerifyResult(source.Description, targetSource.Description, compared, Stopwatch.GetElapsedTime(started));
        if (context.Journal is { } journal)
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["source"] = result.Source,
                ["target"] = result.Target,
                ["tables"] = string.Join(",", compared.Select(c => $"{c.Table}:{c.SourceRows}:{c.TargetRows}:{(c.Equal ? "equal" : "differs")}")),
            };
            await journal.RecordAsync(result.Equal
                ? new MigrationVerified(result.Source, result.Target, compared.Count, total) { Data = data }
                : new MigrationVerifyFailed(result.Source, result.Target, Differing(compared)) { Data = data }, ct: CancellationToken.None);
        }
        return result;
    }

    /// <summary>The target's table for the source's, and its columns, found by the rule the import uses
    /// (<see cref="NameMatch"/>): the same name, else the one that differs only in case. Returned with the target's names
    /// and the source's types, so both sides are read alike; or why it cannot be compared.</summary>
    internal static (SourceTable? There, string? Problem) Counterpart(SourceTable table, IReadOnlyList<SourceTable> target)
    {
        var found = NameMatch.Find(table.Name, target, t => t.Name);
        if (found.IsAmbiguous) return (null, $"the target has the tables {string.Join(", ", found.Ambiguous)}, which differ from it only in case");
        if (found.Match is not { } other) return (null, "the target has no such table");
        var columns = new List<ManifestColumn>();
        var lacking = new List<string>();
        foreach (var c in table.Columns)
        {
            var column = NameMatch.Find(c.Name, other.Columns, o => o.Name);
            if (column.Match is { } match) columns.Add(c with { Name = match.Name });
            else lacking.Add(column.IsAmbiguous ? $"{c.Name} (ambiguous: {string.Join(", ", column.Ambiguous)})" : c.Name);
        }
        return lacking.Count > 0
            ? (null, $"the target's table lacks the column(s) {string.Join(", ", lacking)}")
            : (table with { Name = other.Name, Columns = columns }, null);
    }

    private static string Differing(IEnumerable<TableComparison> tables) =>
        string.Join("; ", tables.Where(t => !t.Equal).Select(t => t.Problem is { } p
            ? $"{t.Table} ({p})"
            : $"{t.Table} ({t.SourceRows} vs {t.TargetRows} rows{(t.SampleKeys.Count > 0 ? ": " + string.Join(", ", t.SampleKeys) : "")})"));

    /// <summary>A folder is an export (its manifest); anything else is a database URL.</summary>
    private static async Task<IVerifySide> OpenSourceAsync(AdapterSet adapters, string source, CancellationToken ct)
    {
        if (source.Contains("://", StringComparison.Ordinal) || source.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            return new DatabaseSide(await MigrationSources.OpenAsync(adapters, source, ct));
        var folder = Path.GetFullPath(source);
        if (!Directory.Exists(folder))
            throw new UserException($"--source {source} is neither a database URL nor an export folder",
                "give sqlite:PATH, postgres://…, mysql://… or the folder jaga migrate export wrote");
        var path = Path.Combine(folder, ExportManifest.FileName);
        if (!File.Exists(path))
            throw new UserException($"{folder} has no {ExportManifest.FileName}: it is not a finished Jaga export", "export again with jaga migrate export");
        var manifest = ExportManifestJson.TryRead(await File.ReadAllTextAsync(path, ct), out var problem)
            ?? throw new UserException($"{path}: {problem}", "export again with jaga migrate export");
        return new ExportSide(folder, manifest);
    }

    private static async Task<List<SourceTable>> TablesAsync(IVerifySide side, CancellationToken ct) => side switch
    {
        ExportSide export => export.Manifest.Tables.Select(t => new SourceTable(t.Name, t.Columns, t.PrimaryKey, t.ForeignKeys, t.Indexes)).ToList(),
        DatabaseSide database => [.. await database.SchemaAsync(ct)],
        _ => throw new InvalidOperationException($"unknown verify side {side.GetType().Name}"),
    };
}
