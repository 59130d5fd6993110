using Jaga.Core.Migration;

namespace Jaga.Engine.Migration.Verify;

/// <summary>One side of a verify: a database, or an export folder's CSV files. Both give each row as its canonical values
/// (<see cref="CanonicalValue"/>) for the columns asked, read with the PostgreSQL types given, so the two sides
/// canonicalise identically.</summary>
internal interface IVerifySide : IAsyncDisposable
{
    string Description { get; }

    IAsyncEnumerable<string?[]> RowsAsync(string table, IReadOnlyList<ManifestColumn> columns, CancellationToken ct);
}
