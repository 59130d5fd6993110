namespace Jaga.Core.Migration;

/// <summary>A foreign key: <paramref name="Columns"/> of this table reference <paramref name="ReferencedColumns"/> of
/// <paramref name="References"/>.</summary>
public sealed record ManifestForeignKey(IReadOnlyList<string> Columns, string References, IReadOnlyList<string> ReferencedColumns);
