using System.Runtime.CompilerServices;
using Jaga.Core.Errors;
using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary>A database as a verify side: its rows turned into the export's text and then canonical, as an export would.</summary>
internal sealed class DatabaseSide(IMigrationSource source) : IVerifySide
{
    public string Description => source.Description;

    public Task<IReadOnlyList<SourceTable>> SchemaAsync(CancellationToken ct) => source.ReadSchemaAsync(ct);

    public async IAsyncEnumerable<string?[]> RowsAsync(string table, IReadOnlyList<ManifestColumn> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        var kinds = columns.Select(c => PgTypes.KindOf(c.PgType)).ToArray();
        long position = 0;
        await foreach (var row in source.ReadRowsAsync(table, columns.Select(c => c.Name).ToList(), ct))
        {
            position++;
            var values = new string?[kinds.Length];
            for (var i = 0; i < kinds.Length; i++)
            {
                var text = ExportValue.Text(row[i], kinds[i], out var problem);
                if (problem is not null)
                    throw new UserException($"{source.Description}: table '{table}', row {position}, column '{columns[i].Name}': {problem}",
                        "the two sides' columns hold different types; compare a target made from this source's export");
                values[i] = CanonicalValue.Of(text, kinds[i]);
            }
            yield return values;
        }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
