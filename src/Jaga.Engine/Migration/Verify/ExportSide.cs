using System.Runtime.CompilerServices;
using CsvHelper;
using Jaga.Core.Errors;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary>An export folder as a verify side: each table's CSV file read back with CsvHelper, an unquoted empty field
/// as NULL and <c>""</c> as the empty string.</summary>
internal sealed class ExportSide(string folder, ExportManifest manifest) : IVerifySide
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        SkipEmptyLines = false,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public string Description => folder;

    public ExportManifest Manifest => manifest;

    public async IAsyncEnumerable<string?[]> RowsAsync(string table, IReadOnlyList<ManifestColumn> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        var entry = manifest.Tables.First(t => t.Name == table);
        var path = Path.Combine(folder, entry.File);
        if (!File.Exists(path)) throw new UserException($"{path} is missing: the export is incomplete", "export again with jaga migrate export");
        var kinds = columns.Select(c => PgTypes.KindOf(c.PgType)).ToArray();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        using var csv = CsvReader.Create(stream, Options, leaveOpen: true);
        long row = 0;
        while (await csv.ReadAsync(ct))
        {
            row++;
            if (csv.FieldCount != kinds.Length && !(kinds.Length == 1 && csv.FieldCount <= 1))
                throw new UserException($"{path}, row {row}: {csv.FieldCount} fields where the manifest lists {kinds.Length} columns", "export again with jaga migrate export");
            var values = new string?[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
            {
                // The raw field tells NULL (nothing at all) from the empty string ("").
                var text = i >= csv.FieldCount || csv.GetRawSpan(i).Length == 0 ? null : csv.GetString(i);
                try
                {
                    values[i] = CanonicalValue.Of(text, kinds[i]);
                }
                catch (FormatException e)
                {
                    throw new UserException($"{path}, row {row}, column '{columns[i].Name}': {e.Message}", "export again with jaga migrate export");
                }
            }
            yield return values;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
