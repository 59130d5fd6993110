namespace Jaga.Core.Migration.Import;

/// <summary>A table that already exists in the target (made by the application's own migrations).</summary>
/// <param name="Name">Its name.</param>
/// <param name="Columns">Its columns in table order.</param>
public sealed record TargetTable(string Name, IReadOnlyList<TargetColumn> Columns);
