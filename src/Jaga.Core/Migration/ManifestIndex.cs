namespace Jaga.Core.Migration;

/// <summary>A secondary index of an exported table, recreated after the load for tables the import creates.</summary>
public sealed record ManifestIndex(string Name, IReadOnlyList<string> Columns, bool Unique);
